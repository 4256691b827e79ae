using Lifecycle.Server.Instances;
using Quartz;

namespace Lifecycle.Server.Scheduling;

/// <summary>
/// The retention sweep on the server's schedule (every <see cref="SchedulingOptions.RetentionInterval"/>):
/// deletes instances that ended more than <c>retentionDays</c> ago, a short transaction per batch.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class RetentionJob(RetentionSweep sweep) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await sweep.RunAsync(cancellationToken);
}
