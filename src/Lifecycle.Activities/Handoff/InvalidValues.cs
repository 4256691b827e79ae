using System.Collections;
using System.Reflection;
using System.Text.Json;

namespace Lifecycle.Activities.Handoff;

/// <summary>
/// Finds what System.Text.Json reads into a document but the document's type cannot hold: null where
/// the type has a value (RespectNullableAnnotations checks some properties, not init properties with a
/// default nor list items), and a number too large for a double (<c>1e400</c> reads as infinity, which
/// cannot be written back). Either fails later, wherever the document is used.
/// </summary>
internal static class InvalidValues
{
    /// <summary>The JSONPath of the first such value under <paramref name="value"/> and what is wrong with it; null when there is none.</summary>
    public static (string Path, string Problem)? Find(object value, string path) => Find(value, path, new NullabilityInfoContext());

    private static (string Path, string Problem)? Find(object value, string path, NullabilityInfoContext nullability)
    {
        switch (value)
        {
            case double number:
                return double.IsFinite(number) ? null : (path, "a number too large for a double");
            case string:
                return null;
            case IDictionary entries:
                foreach (DictionaryEntry entry in entries)
                {
                    if (Item(entry.Value, JsonStringsChild(path, entry.Key.ToString() ?? ""), nullability) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case IEnumerable items:
                var index = 0;
                foreach (var item in items)
                {
                    if (Item(item, $"{path}[{index++}]", nullability) is { } found)
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

        // Only the properties a document sets: computed ones (no setter) may rely on the rest being whole.
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
                    return (propertyPath, "null where the contract has a value");
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

    private static (string Path, string Problem)? Item(object? item, string path, NullabilityInfoContext nullability) =>
        item is null ? (path, "null where the list holds items") : Find(item, path, nullability);

    private static string JsonStringsChild(string path, string key) => Workflows.Definitions.JsonStrings.Child(path, key);
}
