using Lifecycle.Server.Hosting;
using Lifecycle.Workflows.Definitions;

namespace Lifecycle.Fuzz.Targets;

/// <summary>
/// <see cref="DefinitionReader"/> as <c>lifecycle workflow validate</c> uses it: every activity of the
/// product registered, the shipped workflows taken as published (so <c>RunWorkflow</c>'s check runs).
/// </summary>
internal sealed class DefinitionTarget : IFuzzTarget
{
    private static readonly HashSet<string> Published = ["session-start", "session-end", "work-tracking"];

    private readonly DefinitionReader _reader;

    public DefinitionTarget()
    {
        // The host is never disposed: it lives as long as the fuzzing process. Nothing is written
        // to the folder, since reading a definition opens no database.
        var host = new EmbeddedHost(Scratch.Folder("definition"), liveLog: null);
        _reader = host.Get<DefinitionReader>();
    }

    public string Name => "definition";

    public void Run(byte[] input)
    {
        var json = Text.Decode(input);
        DefinitionReader.Identify(json);
        try
        {
            _reader.Read(json, new DefinitionReaderOptions { SourceName = "fuzz.json", WorkflowExists = Published.Contains });
        }
        catch (WorkflowValidationException exception)
        {
            if (exception.Errors.Count == 0)
            {
                throw new OracleException("WorkflowValidationException with no problem listed.");
            }

            foreach (var error in exception.Errors)
            {
                if (!error.Path.StartsWith('$') || string.IsNullOrWhiteSpace(error.Message))
                {
                    throw new OracleException($"A problem without a JSONPath or a sentence: '{error.Path}': '{error.Message}'.");
                }
            }
        }
    }
}
