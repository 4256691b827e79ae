using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;

namespace Lifecycle.Activities.State;

/// <summary>
/// The on-disk form of a state file: <c>{version, savedAt, sha256, payload}</c>, where
/// <c>sha256</c> is the lowercase hex SHA-256 of the payload's exact UTF-8 text in the file.
/// </summary>
internal static class StateEnvelope
{
    public const int CurrentVersion = 1;

    public static byte[] Encode<T>(T value, DateTimeOffset savedAt, JsonSerializerOptions options)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(value, options);
        if (options.WriteIndented)
        {
            // Nest the payload's lines under the envelope's indentation so the file reads well;
            // JSON strings never hold a raw newline, so only whitespace changes.
            payload = IndentContinuationLines(payload);
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = options.WriteIndented }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", CurrentVersion);
            writer.WriteString("savedAt", savedAt);
            writer.WriteString("sha256", Hash(payload));
            writer.WritePropertyName("payload");
            writer.WriteRawValue(payload, skipInputValidation: true);
            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>Checks and reads an envelope; on failure <paramref name="problem"/> says why in a few words.</summary>
    public static bool TryDecode<T>(
        byte[] bytes, JsonSerializerOptions options, out T value, out DateTimeOffset savedAt, out string problem)
    {
        value = default!;
        savedAt = default;
        if (bytes.Length == 0)
        {
            problem = "empty file";
            return false;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException)
        {
            problem = "not valid JSON, possibly truncated";
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "not a state envelope";
                return false;
            }

            if (!root.TryGetProperty("version", out var version) || !version.TryGetInt32(out var versionNumber))
            {
                problem = "no version";
                return false;
            }

            if (versionNumber != CurrentVersion)
            {
                problem = $"unsupported version {versionNumber}";
                return false;
            }

            if (!root.TryGetProperty("sha256", out var sha) || sha.ValueKind != JsonValueKind.String)
            {
                problem = "no checksum";
                return false;
            }

            if (!root.TryGetProperty("payload", out var payload))
            {
                problem = "no payload";
                return false;
            }

            if (!ChecksumMatches(sha, payload))
            {
                problem = "checksum mismatch";
                return false;
            }

            if (!root.TryGetProperty("savedAt", out var saved) || !saved.TryGetDateTimeOffset(out savedAt))
            {
                problem = "no savedAt time";
                return false;
            }

            try
            {
                var deserialized = payload.Deserialize<T>(options);
                if (deserialized is null)
                {
                    problem = "payload is null";
                    return false;
                }

                value = deserialized;
            }
            catch (Exception exception) when (exception is JsonException or InvalidOperationException)
            {
                // InvalidOperationException: a string in the payload that is not valid UTF-16 text (an escaped lone surrogate).
                problem = $"payload does not fit {typeof(T).Name} ({exception.Message})";
                return false;
            }
        }

        problem = "";
        return true;
    }

    private static bool ChecksumMatches(JsonElement sha, JsonElement payload)
    {
        try
        {
            return sha.ValueEquals(Hash(JsonMarshal.GetRawUtf8Value(payload)));
        }
        catch (InvalidOperationException)
        {
            // Valid JSON that is not text: an escaped lone surrogate (\ud800) cannot be unescaped to compare.
            return false;
        }
    }

    private static string Hash(ReadOnlySpan<byte> payload) => Convert.ToHexStringLower(SHA256.HashData(payload));

    private static byte[] IndentContinuationLines(byte[] payload)
    {
        var newlines = payload.AsSpan().Count((byte)'\n');
        var result = new byte[payload.Length + newlines * 2];
        var at = 0;
        foreach (var b in payload)
        {
            result[at++] = b;
            if (b == (byte)'\n')
            {
                result[at++] = (byte)' ';
                result[at++] = (byte)' ';
            }
        }

        return result;
    }
}
