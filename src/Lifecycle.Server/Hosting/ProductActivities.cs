using Lifecycle.Workflows.Activities;

namespace Lifecycle.Server.Hosting;

/// <summary>Every activity assembly of the product: the engine's built-ins and Lifecycle.Activities.</summary>
public static class ProductActivities
{
    public static void Register(ActivityRegistry registry) =>
        registry.AddAssembly(typeof(Lifecycle.Activities.AssemblyMarker).Assembly);

    public static ActivityRegistry CreateRegistry()
    {
        var registry = new ActivityRegistry();
        Register(registry);
        return registry;
    }
}
