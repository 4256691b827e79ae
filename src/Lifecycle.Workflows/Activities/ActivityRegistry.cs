using System.Reflection;

namespace Lifecycle.Workflows.Activities;

/// <summary>
/// Every activity type a definition may use, found by scanning assemblies for
/// <see cref="ActivityAttribute"/>. Also the source of the generated JSON Schema.
/// </summary>
public sealed class ActivityRegistry
{
    private readonly Dictionary<string, ActivityDescriptor> _byType = new(StringComparer.Ordinal);

    /// <summary>Creates a registry holding the engine's built-in activities.</summary>
    public ActivityRegistry() => AddAssembly(typeof(ActivityRegistry).Assembly);

    public IEnumerable<ActivityDescriptor> Descriptors => _byType.Values.OrderBy(d => d.Type, StringComparer.Ordinal);

    /// <summary>The known type names, sorted, as listed in "unknown type" messages.</summary>
    public IReadOnlyList<string> TypeNames => _byType.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>Adds every activity type of <paramref name="assembly"/>.</summary>
    public ActivityRegistry AddAssembly(Assembly assembly)
    {
        foreach (var type in assembly.GetTypes())
        {
            if (type.IsAbstract || !typeof(Activity).IsAssignableFrom(type))
            {
                continue;
            }

            if (type.GetCustomAttribute<ActivityAttribute>() is { } attribute)
            {
                Add(new ActivityDescriptor(type, attribute));
            }
        }

        return this;
    }

    public bool TryGet(string type, out ActivityDescriptor descriptor) => _byType.TryGetValue(type, out descriptor!);

    private void Add(ActivityDescriptor descriptor)
    {
        if (_byType.TryGetValue(descriptor.Type, out var existing) && existing.ClrType != descriptor.ClrType)
        {
            throw new InvalidOperationException(
                $"Activity type '{descriptor.Type}' is defined twice: {existing.ClrType.FullName} and {descriptor.ClrType.FullName}.");
        }

        _byType[descriptor.Type] = descriptor;
    }
}
