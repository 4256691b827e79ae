using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Lifecycle.Workflows.Activities;

/// <summary>What the registry knows of one activity type: its name, inputs, outputs and factory.</summary>
public sealed class ActivityDescriptor
{
    // A command builds each activity type once or twice: constructing by reflection costs
    // microseconds, where compiling a factory costs about a millisecond per type (15 ms of each
    // session command). A type built more often than that (a server running a definition again and
    // again) gets its compiled factory.
    private const int CreationsByReflection = 4;

    // Reflected on first use: a command runs a handful of the registered types.
    private readonly Lazy<IReadOnlyList<InputDescriptor>> _inputs;
    private ObjectFactory? _factory;
    private int _creations;

    internal ActivityDescriptor(Type type, ActivityAttribute attribute)
    {
        ClrType = type;
        Type = attribute.Type ?? type.Name;
        Category = attribute.Category;
        Description = attribute.Description;
        Outputs = attribute.Outputs;
        _inputs = new(() => InputsOf(type));
    }

    /// <summary>The type name used in definitions.</summary>
    public string Type { get; }

    public string Category { get; }

    public string Description { get; }

    public IReadOnlyList<string> Outputs { get; }

    public IReadOnlyList<InputDescriptor> Inputs => _inputs.Value;

    public Type ClrType { get; }

    /// <summary>True when the activity has child activities.</summary>
    public bool IsComposite => Inputs.Any(i => i.Kind is InputKind.Activity or InputKind.ActivityList or InputKind.ObjectList);

    internal Activity Create(IServiceProvider services)
    {
        if (Volatile.Read(ref _factory) is { } factory)
        {
            return (Activity)factory(services, null);
        }

        if (Interlocked.Increment(ref _creations) == CreationsByReflection + 1)
        {
            try
            {
                Volatile.Write(ref _factory, ActivatorUtilities.CreateFactory(ClrType, []));
            }
            catch (InvalidOperationException)
            {
                // Constructors the factory cannot choose between (reflection picks the longest one
                // it can satisfy): this type keeps being built by reflection.
            }
        }

        return (Activity)ActivatorUtilities.CreateInstance(services, ClrType);
    }

    /// <summary>True once this type is built by a compiled factory.</summary>
    internal bool HasCompiledFactory => Volatile.Read(ref _factory) is not null;

    internal static IReadOnlyList<InputDescriptor> InputsOf(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<InputAttribute>()))
            .Where(p => p.Attribute is not null)
            .Select(p => new InputDescriptor(p.Property, p.Attribute!))
            .ToList();
}
