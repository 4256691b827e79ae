using System.Text.Json.Nodes;
using Jint.Native;
using Lifecycle.Workflows.Runtime;

namespace Lifecycle.Workflows.Activities;

/// <summary>
/// What an activity may do while it runs: read its inputs, keep state, schedule children,
/// set outputs and variables, wait on bookmarks, complete.
/// </summary>
public sealed class ActivityContext
{
    private readonly WorkflowRunner _runner;
    private readonly WorkflowExecution _execution;

    internal ActivityContext(WorkflowRunner runner, WorkflowExecution execution, ActivityFrame frame, CancellationToken cancellationToken)
    {
        _runner = runner;
        _execution = execution;
        Frame = frame;
        CancellationToken = cancellationToken;
    }

    public Activity Activity => Frame.Activity;

    public string InstanceId => _execution.InstanceId;

    public string WorkflowId => Scope.Definition.Id;

    public int WorkflowVersion => Scope.Definition.Version;

    public CancellationToken CancellationToken { get; }

    /// <summary>The engine's clock; never read the system clock directly.</summary>
    public TimeProvider Time => _runner.Time;

    /// <summary>State this execution of the activity keeps between its calls; persisted with the instance.</summary>
    public JsonObject State => Frame.State ??= [];

    internal ActivityFrame Frame { get; }

    internal WorkflowScope Scope => _execution.Scopes[Frame.ScopeId];

    internal WorkflowExecution Execution => _execution;

    internal WorkflowRunner Runner => _runner;

    internal bool Completed { get; set; }

    internal string? CompletionMessage { get; set; }

    /// <summary>Reads an input: the literal, or the expression evaluated now.</summary>
    public T Get<T>(Input<T> input)
    {
        if (input.Expression is not { } expression)
        {
            RecordInput(input, input.Literal);

            // The definition is shared by every run: a JSON literal is handed out as a copy, or the
            // first run that stores it (as state or output) would own the node and the next would fault.
            return input.Value is JsonNode node ? (T)(object)node.DeepClone() : input.Value;
        }

        var scripts = _execution.Scripts;
        var value = scripts.Evaluate(expression, Scope.Script, input.Path);
        RecordInput(input, scripts.ToJson(value));
        return scripts.Convert<T>(value, input.Path);
    }

    /// <summary>Reads an input that names something (a variable, an output, an event): a non-empty string, or a fault.</summary>
    public string GetName(Input<string> input)
    {
        var name = Get(input);
        return string.IsNullOrWhiteSpace(name)
            ? throw new ActivityFaultException($"'{input.Name}' evaluated to {(name is null ? "null" : "an empty string")}; it must name something")
            : name;
    }

    /// <summary>Reads an optional input, or <paramref name="fallback"/> when the definition left it out.</summary>
    public T Get<T>(Input<T>? input, T fallback) => input is null ? fallback : Get(input);

    /// <summary>Evaluates an input to a JavaScript value, without conversion (the fast path for data).</summary>
    internal JsValue GetScriptValue<T>(Input<T> input)
    {
        var scripts = _execution.Scripts;
        var value = input.Expression is { } expression
            ? scripts.Evaluate(expression, Scope.Script, input.Path)
            : scripts.FromJson(input.Literal);
        RecordInput(input, input.Expression is null ? input.Literal : scripts.ToJson(value));
        return value;
    }

    private void RecordInput(IInput input, JsonNode? value) => (Frame.Inputs ??= [])[input.Name] = value?.DeepClone();

    /// <summary>Schedules <paramref name="child"/>; <see cref="Activity.OnChildCompletedAsync"/> follows when it completes.</summary>
    public void ScheduleChild(Activity child) => _runner.Schedule(_execution, child, Frame.Id, Frame.ScopeId);

    /// <summary>Completes this activity. <paramref name="message"/> goes into the journal.</summary>
    public void Complete(string? message = null)
    {
        Completed = true;
        CompletionMessage = message;
    }

    /// <summary>Sets an output of this activity, visible as <c>outputs.&lt;id&gt;.&lt;name&gt;</c> when it has an id.</summary>
    public void SetOutput(string name, JsonNode? value)
    {
        (Frame.Outputs ??= [])[name] = value?.DeepClone();
        if (Activity.Id is { } id)
        {
            var outputs = Scope.Script.Outputs;
            if (outputs.Get(id) is not JsObject mine)
            {
                mine = _execution.Scripts.NewObject();
                outputs.Set(id, mine);
            }

            mine.Set(name, _execution.Scripts.FromJson(value));
        }
    }

    /// <summary>Reads a variable of the current workflow as JSON.</summary>
    public JsonNode? GetVariable(string name) => _execution.Scripts.ToJson(Scope.Script.Variables.Get(name));

    /// <summary>Sets a variable of the current workflow.</summary>
    public void SetVariable(string name, JsonNode? value) => Scope.Script.Variables.Set(name, _execution.Scripts.FromJson(value));

    internal void SetVariable(string name, JsValue value) => Scope.Script.Variables.Set(name, _execution.Scripts.Normalize(value));

    /// <summary>Sets an output of the workflow (returned when it finishes).</summary>
    public void SetWorkflowOutput(string name, JsonNode? value) => Scope.WorkflowOutputs[name] = value;

    /// <summary>Reads an output of the workflow set so far (a copy), or null.</summary>
    public JsonNode? GetWorkflowOutput(string name) => Scope.WorkflowOutputs[name]?.DeepClone();

    /// <summary>Suspends this activity until a stimulus named <paramref name="eventName"/> arrives.</summary>
    public void CreateBookmark(string eventName, string? correlation = null) =>
        _runner.CreateBookmark(_execution, Frame, eventName, correlation, dueAt: null);

    /// <summary>Suspends this activity until <paramref name="dueAt"/>.</summary>
    public void CreateTimer(DateTimeOffset dueAt) =>
        _runner.CreateBookmark(_execution, Frame, Bookmark.TimerEvent, correlation: null, dueAt);

    /// <summary>
    /// Starts the latest version of workflow <paramref name="workflowId"/> as a child of this
    /// activity, in its own scope; returns the scope's id. Its root's completion arrives in
    /// <see cref="Activity.OnChildCompletedAsync"/>.
    /// </summary>
    internal ValueTask<int> StartWorkflowAsync(string workflowId, JsonObject? input) =>
        _runner.StartSubWorkflowAsync(this, workflowId, input);

    /// <summary>A copy of the outputs a sub-workflow started by this activity has set.</summary>
    internal JsonObject WorkflowOutputsOf(int scopeId) => _execution.Scopes[scopeId].WorkflowOutputs.DeepClone().AsObject();

    /// <summary>Ends the current workflow at once (a sub-workflow returns to its caller).</summary>
    public void FinishWorkflow() => _runner.FinishScope(_execution, Frame);

    /// <summary>Cancels the remaining children of this activity (e.g. a branch no longer needed).</summary>
    public void CancelChildren() => _runner.RemoveDescendants(_execution, Frame.Id);
}
