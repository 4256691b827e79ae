using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Runtime;
using Lifecycle.Workflows.Activities;

namespace Lifecycle.Workflows.Expressions;

/// <summary>
/// The JavaScript engine of one running instance. Variables and activity outputs live here as
/// JavaScript values while the instance runs, so expressions read them without conversion; they
/// become JSON only when the instance is persisted.
/// </summary>
internal sealed class ScriptHost
{
    private readonly ExpressionLimits _limits;
    private ScriptScope? _bound;

    public ScriptHost(ExpressionLimits limits)
    {
        _limits = limits;
        Engine = new Engine(o => o
            .Strict()
            .TimeoutInterval(limits.Timeout)
            .MaxStatements(limits.MaxStatements)
            .LimitRecursion(limits.MaxRecursion));
    }

    public Engine Engine { get; }

    public JsObject NewObject() => new(Engine);

    public JsValue FromJson(JsonNode? node) => JsConvert.FromJson(Engine, node);

    /// <summary>
    /// A value as it will read after a suspension: objects go through JSON (a Date becomes its ISO
    /// string, functions disappear), so a run gives the same results whether or not it suspends.
    /// </summary>
    public JsValue Normalize(JsValue value) => value.IsObject() ? FromJson(ToJson(value)) : value;

    public JsonNode? ToJson(JsValue value) => JsConvert.ToJson(Engine, value);

    public JsObject ObjectFromJson(JsonObject? node)
    {
        var result = NewObject();
        if (node is not null)
        {
            foreach (var (key, value) in node)
            {
                result.Set(key, FromJson(value));
            }
        }

        return result;
    }

    public JsonObject ObjectToJson(JsObject value)
    {
        var result = new JsonObject();
        foreach (var (key, descriptor) in value.GetOwnProperties())
        {
            if (descriptor.Enumerable && !descriptor.Value.IsUndefined())
            {
                result[key.ToString()] = ToJson(descriptor.Value);
            }
        }

        return result;
    }

    /// <summary>Evaluates <paramref name="expression"/> in <paramref name="scope"/>; failures fault the activity.</summary>
    public JsValue Evaluate(Expression expression, ScriptScope scope, string inputPath)
    {
        if (!ReferenceEquals(_bound, scope))
        {
            Engine.SetValue("input", scope.Input);
            Engine.SetValue("vars", scope.Variables);
            Engine.SetValue("outputs", scope.Outputs);
            Engine.SetValue("workflow", scope.Workflow);
            if (_bound is null)
            {
                // Expressions may not add globals: they would live only in this process's memory
                // and vanish at the next suspension. Data belongs in variables.
                Engine.Global.PreventExtensions();
            }

            _bound = scope;
        }

        try
        {
            return Engine.Evaluate(expression.Script);
        }
        catch (JavaScriptException ex)
        {
            throw new ActivityFaultException($"expression {inputPath} failed: {ex.Message}", ex);
        }
        catch (TimeoutException ex)
        {
            throw new ActivityFaultException($"expression {inputPath} timed out after {_limits.Timeout.TotalSeconds:0.###} s", ex);
        }
        catch (StatementsCountOverflowException ex)
        {
            throw new ActivityFaultException($"expression {inputPath} executed more than {_limits.MaxStatements} statements", ex);
        }
        catch (RecursionDepthOverflowException ex)
        {
            throw new ActivityFaultException($"expression {inputPath} recursed deeper than {_limits.MaxRecursion} calls", ex);
        }
        catch (JintException ex)
        {
            throw new ActivityFaultException($"expression {inputPath} failed: {ex.Message}", ex);
        }
    }

    /// <summary>Converts an evaluated value to what an <see cref="Input{T}"/> declares.</summary>
    public T Convert<T>(JsValue value, string inputPath)
    {
        object? result = typeof(T) switch
        {
            var t when t == typeof(string) => value.IsNull() || value.IsUndefined() ? null
                : value.IsString() ? value.AsString()
                : value.IsObject() ? ToJson(value)?.ToJsonString()
                : TypeConverter.ToString(value),
            var t when t == typeof(bool) => TypeConverter.ToBoolean(value),
            var t when t == typeof(JsonNode) => ToJson(value),
            _ => ConvertVia<T>(value, inputPath),
        };
        return (T)result!;
    }

    private T? ConvertVia<T>(JsValue value, string inputPath)
    {
        var json = ToJson(value);
        try
        {
            return json is null ? default : System.Text.Json.JsonSerializer.Deserialize<T>(json, WorkflowJson.Options);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            throw new ActivityFaultException(
                $"expression {inputPath} gave {json?.ToJsonString()}, which is not {Definitions.ActivityBinder.JsonTypeName(typeof(T))}", ex);
        }
    }
}
