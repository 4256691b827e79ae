using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Lifecycle.Workflows.Activities;

/// <summary>What the registry knows of one activity type: its name, inputs, outputs and factory.</summary>
public sealed class ActivityDescriptor
{
    // Built on first use: a command runs a handful of the registered types, and compiling a factory
    // or reflecting over inputs for every one of them cost tens of milliseconds at each start.
    private readonly Lazy<ObjectFactory> _factory;
    private readonly Lazy<IReadOnlyList<InputDescriptor>> _inputs;

    internal ActivityDescriptor(Type type, ActivityAttribute attribute)
    {
        ClrType = type;
        Type = attribute.Type ?? type.Name;
        Category = attribute.Category;
        Description = attribute.Description;
        Outputs = attribute.Outputs;
        _inputs = new(() => InputsOf(type));
        _factory = new(() => ActivatorUtilities.CreateFactory(type, []));
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

    internal Activity Create(IServiceProvider services) => (Activity)_factory.Value(services, null);

    internal static IReadOnlyList<InputDescriptor> InputsOf(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<InputAttribute>()))
            .Where(p => p.Attribute is not null)
            .Select(p => new InputDescriptor(p.Property, p.Attribute!))
            .ToList();
}
