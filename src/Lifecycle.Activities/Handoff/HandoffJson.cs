using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lifecycle.Activities.Handoff;

/// <summary>The <c>SESSION-NNNNN-HANDOFF.json</c> document: a <see cref="Handoff"/> as indented camelCase JSON.</summary>
/// <remarks>
/// Nulls are written so every field of the contract is present; non-ASCII text (file names, notes) is
/// written as is, not escaped; lines end with LF and the document with a newline. Every commit,
/// file, task and error is kept, one to a line (see <see cref="HandoffJsonLayout"/>). Fields added
/// since the first version (<c>durationSeconds</c>, <c>errors</c>, the metrics' unit-named times,
/// <c>kind</c> of a file) are optional when read, so handoffs committed by earlier versions still read.
/// </remarks>
public static class HandoffJson
{
    /// <summary>The settings the document is written and read with (read-only).</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            Converters = { new JsonStringEnumConverter() },
            TypeInfoResolver = Sessions.SessionJson.Resolver,

            // A document with null where the contract has a value (a hand edit, a merge) is not a
            // handoff: rejected here as JsonException, not passed on to fail where it is used.
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>The document's text.</summary>
    public static string Render(Handoff handoff)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        return HandoffJsonLayout.Write(JsonSerializer.Serialize(handoff, Options)) + "\n";
    }

    /// <summary>Reads a document written by <see cref="Render"/> (the next session reads its predecessor's).</summary>
    /// <exception cref="JsonException">The text is not a handoff document: bad JSON, a field missing or of the wrong type, null where the contract has a value, or a number too large for a double.</exception>
    public static Handoff Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var handoff = JsonSerializer.Deserialize<Handoff>(json, Options)
            ?? throw new JsonException("The handoff document is 'null'; expected an object with sessionId, duration, workCompleted, ….");
        return InvalidValues.Find(handoff, "$") is { } invalid
            ? throw new JsonException($"The handoff document has {invalid.Problem} at {invalid.Path}; write a value of the contract's type there (an empty list for a list).")
            : handoff;
    }
}
