using System.Collections;
using System.Reflection;
using System.Text.Json;

namespace Lifecycle.Activities.Handoff;

/// <summary>
/// Finds a null in a deserialized document where its type has a value: System.Text.Json checks
/// properties (RespectNullableAnnotations) but not what a list holds, and a null task or file in a
/// handoff fails wherever it is used.
/// </summary>
internal static class NullItems
{
    /// <summary>
    /// The JSONPath of the first null under <paramref name="value"/> where its type has a value: a list
    /// item, or a property not declared nullable; null when there is none.
    /// </summary>
    public static string? Find(object value, string path) => Find(value, path, new NullabilityInfoContext());

    private static string? Find(object value, string path, NullabilityInfoContext nullability)
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

                if (Find(item, itemPath, nullability) is { } found)
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
        // RespectNullableAnnotations misses some (an init property with a default, as seen by afl).
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is null || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var propertyPath = $"{path}.{JsonNamingPolicy.CamelCase.ConvertName(property.Name)}";
            if (property.GetValue(value) is not { } child)
            {
                if (!property.PropertyType.IsValueType && nullability.Create(property).ReadState == NullabilityState.NotNull)
                {
                    return propertyPath;
                }

                continue;
            }

            if (Find(child, propertyPath, nullability) is { } found)
            {
                return found;
            }
        }

        return null;
    }
}
