using Lifecycle.Activities;
using Lifecycle.Workflows.Hosting;

namespace Lifecycle.Server.Workflows;

/// <summary>
/// Delivers a stimulus (an event with its payload and correlation) for <c>workflow resume</c> and
/// <c>POST /api/events/{name}</c>: resumes the instances waiting for it, starts the workflows it
/// triggers, and says what was not delivered.
/// </summary>
public sealed class StimulusDelivery(WorkflowEngine engine)
{
    /// <exception cref="SessionException">
    /// The stimulus names an instance that does not exist (<see cref="ErrorKind.NotFound"/>), or
    /// one that does not wait for this event (<see cref="ErrorKind.Conflict"/>, as not delivered).
    /// </exception>
    /// <exception cref="StimulusRejectedException">A triggered workflow's inputs reject the payload; nothing was resumed or started.</exception>
    public async Task<StimulusOutcome> DeliverAsync(Stimulus stimulus, CancellationToken cancellationToken)
    {
        if (stimulus.InstanceId is { } id && await engine.Store.GetInstanceAsync(id, cancellationToken) is null)
        {
            throw new SessionException($"No instance has id '{id}'. List them with 'lifecycle instances'.", ErrorKind.NotFound);
        }

        var result = await engine.ResumeAsync(stimulus, cancellationToken);
        var nothing = result.Resumed.Count == 0 && result.Started.Count == 0 && result.Skipped.Count == 0 && result.NotDelivered.Count == 0;
        var correlation = stimulus.Correlation is null ? "" : $" with correlation '{stimulus.Correlation}'";
        if (stimulus.InstanceId is { } only && nothing)
        {
            throw new SessionException(
                $"Instance {only} is not waiting for event '{stimulus.Event}'{correlation}; nothing was delivered. See what it waits for with 'lifecycle instances'.",
                ErrorKind.Conflict);
        }

        var problems = new List<string>();
        if (nothing)
        {
            problems.Add(stimulus.Correlation is null
                ? $"event '{stimulus.Event}' was not delivered: no instance waits for it without a correlation, and no workflow is triggered by it (instances waiting with a correlation need it given; 'lifecycle instances --status Suspended' lists what waits)."
                : $"event '{stimulus.Event}' was not delivered: no instance waits for it{correlation} (or none), and no workflow is triggered by it ('lifecycle instances --status Suspended' lists what waits).");
        }

        problems.AddRange(result.NotDelivered.Select(busy =>
            $"event '{stimulus.Event}' was not delivered to instance {busy}: it is busy in another process or could not be loaded (see 'lifecycle instances'). Deliver it again later."));
        return new StimulusOutcome(result, problems);
    }
}
