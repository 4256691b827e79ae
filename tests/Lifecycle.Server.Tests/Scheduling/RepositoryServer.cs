using Lifecycle.Server.Scheduling;
using Lifecycle.Server.Serving;
using Lifecycle.Workflows.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Quartz;
using SchedulingOptions = Lifecycle.Server.Scheduling.SchedulingOptions;

namespace Lifecycle.Server.Tests.Scheduling;

/// <summary>
/// The server of an existing repository, with short scheduling intervals: several can run one
/// after another on the same repository (a restart), which <see cref="Support.ServerFactory"/>'s own folder does not allow.
/// </summary>
internal sealed class RepositoryServer(string repository, SchedulingOptions? scheduling = null, TimeProvider? clock = null) : WebApplicationFactory<ServerOptions>
{
    public static readonly SchedulingOptions Fast = new()
    {
        SweepInterval = TimeSpan.FromMilliseconds(300),
        StartupSpacing = TimeSpan.FromMilliseconds(10),
        BusyRetry = TimeSpan.FromMilliseconds(200),
    };

    /// <summary>Starts the host (on first use) and returns its engine.</summary>
    public WorkflowEngine Engine => Services.GetRequiredService<WorkflowEngine>();

    /// <summary>The scheduler once Quartz runs (it starts after the host did), put in standby: nothing fires until the test starts it.</summary>
    public async Task<IScheduler> StandbySchedulerAsync()
    {
        var scheduler = await Get<ISchedulerFactory>().GetScheduler();
        await Poll.UntilAsync(() => Task.FromResult(scheduler.Status == SchedulerStatus.Running), TimeSpan.FromSeconds(10), "Quartz started");
        await scheduler.Standby();
        return scheduler;
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    protected override IHostBuilder CreateHostBuilder() =>
        ServerHost.CreateBuilder(new ServerOptions(repository) { LogToConsole = false, TrimMemoryAfterStart = false, Scheduling = scheduling ?? Fast })
            .ConfigureServices(services =>
            {
                if (clock is not null)
                {
                    services.Replace(ServiceDescriptor.Singleton(clock));
                }
            });
}
