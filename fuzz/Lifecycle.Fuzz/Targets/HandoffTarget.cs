using System.Text.Json;
using Lifecycle.Activities.Handoff;

namespace Lifecycle.Fuzz.Targets;

/// <summary>
/// <see cref="HandoffJson.Parse"/>: a previous session's <c>SESSION-NNNNN-HANDOFF.json</c>, read at the
/// next start. A document that parses must also render again.
/// </summary>
internal sealed class HandoffTarget : IFuzzTarget
{
    public string Name => "handoff";

    public void Run(byte[] input)
    {
        Handoff handoff;
        try
        {
            handoff = HandoffJson.Parse(Text.Decode(input));
        }
        catch (JsonException)
        {
            return;
        }

        HandoffJson.Render(handoff);
    }
}
