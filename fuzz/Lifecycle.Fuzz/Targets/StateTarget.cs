using System.Security.Cryptography;
using System.Text;
using Lifecycle.Activities;
using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.State;

namespace Lifecycle.Fuzz.Targets;

/// <summary>
/// <see cref="StateFile{T}.ReadAsync"/> of <c>.lifecycle/state.json</c>, the checksummed envelope
/// around a <see cref="SessionContext"/>, read from a real file with no backup beside it.
/// </summary>
/// <remarks>
/// afl cannot forge a SHA-256, so an input that starts with <c>P</c> is a payload: the rest is
/// wrapped in an envelope with the right checksum, which lets mutations reach the payload's
/// deserialization. Any other input is the whole file as is (envelope, checksum and all).
/// </remarks>
internal sealed class StateTarget : IFuzzTarget
{
    private readonly StateFile<SessionContext> _file;

    public StateTarget()
    {
        // One backup slot, not five: each missing backup is an exception, and most inputs are corrupt.
        _file = new StateFile<SessionContext>(Path.Combine(Scratch.Folder("state"), "state.json"), TimeProvider.System, new StateFileOptions { BackupCount = 1 });
    }

    public string Name => "state";

    public void Run(byte[] input)
    {
        File.WriteAllBytes(_file.Path, input.Length > 0 && input[0] == (byte)'P' ? Envelope(input.AsSpan(1)) : input);
        try
        {
            var result = _file.ReadAsync().GetAwaiter().GetResult();
            if (result is null || result.WasRestored)
            {
                throw new OracleException("A present state file read as missing or restored, with no backup beside it.");
            }
        }
        catch (SessionException)
        {
            // Documented: no good copy, with the reason.
        }
    }

    private static byte[] Envelope(ReadOnlySpan<byte> payload)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(payload));
        var head = Encoding.UTF8.GetBytes($"{{\"version\": 1, \"savedAt\": \"2026-01-02T03:04:05+00:00\", \"sha256\": \"{hash}\", \"payload\": ");
        return [.. head, .. payload, .. "}\n"u8];
    }
}
