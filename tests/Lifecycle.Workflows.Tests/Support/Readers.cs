using Lifecycle.Workflows.Activities;
using Lifecycle.Workflows.Definitions;
using Microsoft.Extensions.DependencyInjection;

namespace Lifecycle.Workflows.Tests.Support;

/// <summary>A definition reader with the built-in activities and no store behind it.</summary>
public static class Readers
{
    public static DefinitionReader Create() => new(new ActivityRegistry(), new ServiceCollection().BuildServiceProvider());

    /// <summary>Reads <paramref name="json"/> expecting it to be rejected; returns the problems.</summary>
    public static IReadOnlyList<DefinitionError> Errors(string json, DefinitionReaderOptions? options = null)
    {
        var (definition, errors) = Create().TryRead(json, options);
        Assert.Null(definition);
        Assert.NotEmpty(errors);
        return errors;
    }
}
