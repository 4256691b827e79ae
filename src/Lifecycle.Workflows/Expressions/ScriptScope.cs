using Jint.Native;

namespace Lifecycle.Workflows.Expressions;

/// <summary>What expressions see: <c>input</c>, <c>vars</c>, <c>outputs</c> and <c>workflow</c> of one (sub-)workflow.</summary>
internal sealed class ScriptScope(JsObject input, JsObject variables, JsObject outputs, JsObject workflow)
{
    public JsObject Input { get; } = input;

    public JsObject Variables { get; } = variables;

    /// <summary>Outputs of activities that have an id: <c>outputs.&lt;id&gt;.&lt;name&gt;</c>.</summary>
    public JsObject Outputs { get; } = outputs;

    public JsObject Workflow { get; } = workflow;
}
