using System.Text.Json.Nodes;
using Lifecycle.Workflows.Activities;
using Lifecycle.Workflows.Definitions;
using Lifecycle.Workflows.Expressions;
using Lifecycle.Workflows.Journal;
using Microsoft.Extensions.Logging;

namespace Lifecycle.Workflows.Runtime;

/// <summary>Fault propagation: up the frames until an activity handles it or the instance faults.</summary>
public sealed partial class WorkflowRunner
{
    private async ValueTask FaultAsync(WorkflowExecution execution, ActivityFrame frame, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not ActivityFaultException)
        {
            LogActivityException(_logger, exception, frame.Activity.Type, frame.Activity.DisplayId, execution.InstanceId);
        }

        var retryPoint = RetryPointFor(execution, frame);
        var fault = new WorkflowFault($"{frame.Activity.Type} '{JournalId(execution, frame)}': {exception.Message}",
            JournalId(execution, frame), frame.Activity.Type, exception.Message, (exception as ActivityFaultException)?.Code ?? (exception as IFaultCoded)?.FaultCode);
        Record(execution, frame, JournalEvent.Faulted, fault.Message, InputsAndOutputs(frame));
        var child = frame;
        while (true)
        {
            RemoveFrame(execution, child);
            if (child.ParentId is not { } parentId || !execution.Frames.TryGetValue(parentId, out var parent))
            {
                execution.Fault = fault;
                execution.RetryPoint = retryPoint;
                End(execution, WorkflowStatus.Faulted);
                return;
            }

            var context = new ActivityContext(this, execution, parent, cancellationToken);
            try
            {
                if (await parent.Activity.OnChildFaultedAsync(context, child.Activity, fault))
                {
                    if (context.Completed && execution.Frames.ContainsKey(parent.Id))
                    {
                        CompleteFrame(execution, parent, context.CompletionMessage);
                    }

                    return;
                }

                Record(execution, parent, JournalEvent.Faulted, fault.Message);
            }
            catch (Exception handlerException)
            {
                fault = new WorkflowFault($"{parent.Activity.Type} '{JournalId(execution, parent)}': {handlerException.Message}",
                    JournalId(execution, parent), parent.Activity.Type, handlerException.Message);
                Record(execution, parent, JournalEvent.Faulted, fault.Message);
            }

            child = parent;
        }
    }
}
