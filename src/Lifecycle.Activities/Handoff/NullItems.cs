using System.Collections;
using System.Reflection;
using System.Text.Json;

namespace Lifecycle.Activities.Handoff;

/// <summary>
/// Finds a null item in the lists of a deserialized document: System.Text.Json checks that a property
/// is not null (RespectNullableAnnotations) but not what a list holds, and a null task or file in a
/// handoff fails wherever it is used.
/// </summary>
internal static class NullItems
{
    /// <summary>The JSONPath of the first null list item under <paramref name="value"/>; null when there is none.</summary>
    public static string? Find(object value, string path)
    {
        if (value is string || value is IDictionary)
        {
            // Dictionaries in these documents hold numbers only.
            return null;
        }

        if (value is IEnumerable items)
        {
            var index = 0;
            foreach (var item in items)
            {
                var itemPath = $"{path}[{index++}]";
                if (item is null)
                {
                    return itemPath;
                }

                if (Find(item, itemPath) is { } found)
                {
                    return found;
                }
            }

            return null;
        }

        var type = value.GetType();
        if (type.Namespace?.StartsWith("Lifecycle.", StringComparison.Ordinal) != true)
        {
            return null;
        }

        // Only the properties a document sets: computed ones (no setter) may rely on the lists being whole.
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is null || property.GetIndexParameters().Length > 0 || property.GetValue(value) is not { } child)
            {
                continue;
            }

            if (Find(child, $"{path}.{JsonNamingPolicy.CamelCase.ConvertName(property.Name)}") is { } found)
            {
                return found;
            }
        }

        return null;
    }
}
