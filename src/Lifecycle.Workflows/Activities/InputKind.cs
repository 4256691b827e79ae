namespace Lifecycle.Workflows.Activities;

/// <summary>How a definition value is read into an input property.</summary>
public enum InputKind
{
    /// <summary>An <see cref="Input{T}"/>: a literal or a <c>{"js": ...}</c> expression.</summary>
    Value,

    /// <summary>One child activity.</summary>
    Activity,

    /// <summary>A list of child activities.</summary>
    ActivityList,

    /// <summary>A list of objects whose properties are inputs themselves (e.g. switch cases).</summary>
    ObjectList,
}
