using System.Text.Json.Nodes;
using Lifecycle.Workflows.Definitions;

namespace Lifecycle.Workflows.Runtime;

/// <summary>Checks a caller's input against a definition's declared inputs and applies defaults.</summary>
internal static class WorkflowInputs
{
    public static JsonObject Resolve(WorkflowDefinition definition, JsonObject? given)
    {
        var result = given?.DeepClone().AsObject() ?? [];
        if (definition.Inputs.Count == 0)
        {
            return result;
        }

        var problems = new List<string>();
        foreach (var (name, _) in result)
        {
            if (!definition.Inputs.ContainsKey(name))
            {
                problems.Add($"'{name}' is not an input of this workflow (its inputs: {string.Join(", ", definition.Inputs.Keys)})");
            }
        }

        foreach (var (name, declared) in definition.Inputs)
        {
            if (result.TryGetPropertyValue(name, out var value))
            {
                if (!declared.Accepts(value))
                {
                    problems.Add($"'{name}' must be of type {declared.Type}; got {value?.ToJsonString() ?? "null"}");
                }
            }
            else if (declared.Default is not null)
            {
                result[name] = declared.Default.DeepClone();
            }
            else if (declared.Required)
            {
                problems.Add($"'{name}' is required ({declared.Type})");
            }
        }

        return problems.Count > 0 ? throw new WorkflowInputException(definition.Id, problems) : result;
    }
}
