using Lifecycle.Activities;
using Lifecycle.Activities.Configuration;

namespace Lifecycle.Fuzz.Targets;

/// <summary><see cref="LifecycleConfigLoader.Parse"/>: <c>.lifecycle/config.json</c> as every command reads it.</summary>
internal sealed class ConfigTarget : IFuzzTarget
{
    public string Name => "config";

    public void Run(byte[] input)
    {
        try
        {
            LifecycleConfigLoader.Parse(Text.Decode(input));
        }
        catch (SessionException exception)
        {
            if (exception.Kind != ErrorKind.InvalidInput)
            {
                throw new OracleException($"A config problem reported as {exception.Kind}, not InvalidInput: {exception.Message}");
            }

            // Every line after the heading is "path: sentence".
            foreach (var line in exception.Message.Split('\n').Skip(1))
            {
                if (!line.StartsWith('$') || !line.Contains(": ", StringComparison.Ordinal))
                {
                    throw new OracleException($"A config problem without a JSONPath: '{line}'.");
                }
            }
        }
    }
}
