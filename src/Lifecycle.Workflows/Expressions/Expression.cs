using Acornima.Ast;
using Jint;

namespace Lifecycle.Workflows.Expressions;

/// <summary>A JavaScript expression from a definition, parsed once when the definition is loaded.</summary>
public sealed class Expression
{
    private Expression(string source, Prepared<Script> script)
    {
        Source = source;
        Script = script;
    }

    /// <summary>The source text as written in the definition.</summary>
    public string Source { get; }

    internal Prepared<Script> Script { get; }

    /// <summary>Parses <paramref name="source"/>; a syntax error comes back as a message, never thrown.</summary>
    public static Expression? TryParse(string source, out string? error)
    {
        try
        {
            var script = Engine.PrepareScript(source);
            error = null;
            return new Expression(source, script);
        }
        catch (ScriptPreparationException ex)
        {
            error = (ex.InnerException?.Message ?? ex.Message).Replace("<anonymous>:", "position ");
            return null;
        }
    }
}
