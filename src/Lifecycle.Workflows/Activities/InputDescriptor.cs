using System.Reflection;

namespace Lifecycle.Workflows.Activities;

/// <summary>One input of an activity type, as the registry found it.</summary>
public sealed class InputDescriptor
{
    internal InputDescriptor(PropertyInfo property, InputAttribute attribute)
    {
        Property = property;
        Name = char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
        Description = attribute.Description;
        Required = attribute.Required;
        var type = property.PropertyType;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Input<>))
        {
            Kind = InputKind.Value;
            ValueType = type.GetGenericArguments()[0];
            AcceptsNull = ValueType.IsValueType
                ? Nullable.GetUnderlyingType(ValueType) is not null
                : new NullabilityInfoContext().Create(property).GenericTypeArguments[0].ReadState == NullabilityState.Nullable;
        }
        else if (typeof(Activity).IsAssignableFrom(type))
        {
            Kind = InputKind.Activity;
        }
        else if (type == typeof(IReadOnlyList<Activity>))
        {
            Kind = InputKind.ActivityList;
        }
        else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            Kind = InputKind.ObjectList;
            ItemType = type.GetGenericArguments()[0];
            ItemInputs = ActivityDescriptor.InputsOf(ItemType);
        }
        else
        {
            throw new InvalidOperationException(
                $"Input '{property.DeclaringType?.Name}.{property.Name}' has type {type.Name}; use Input<T>, Activity, IReadOnlyList<Activity> or IReadOnlyList of a class with inputs.");
        }
    }

    /// <summary>The name in definitions (camelCase of the property).</summary>
    public string Name { get; }

    public string Description { get; }

    public bool Required { get; }

    public InputKind Kind { get; }

    /// <summary>For <see cref="InputKind.Value"/>: the T of <see cref="Input{T}"/>.</summary>
    public Type? ValueType { get; }

    /// <summary>For <see cref="InputKind.Value"/>: whether a null literal is allowed (T is declared nullable, e.g. <c>Input&lt;string?&gt;</c>).</summary>
    public bool AcceptsNull { get; }

    /// <summary>For <see cref="InputKind.ObjectList"/>: the item class and its inputs.</summary>
    public Type? ItemType { get; }

    public IReadOnlyList<InputDescriptor> ItemInputs { get; } = [];

    internal PropertyInfo Property { get; }
}
