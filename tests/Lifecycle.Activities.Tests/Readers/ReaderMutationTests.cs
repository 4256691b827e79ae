using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CsCheck;
using Lifecycle.Activities.Configuration;
using Lifecycle.Activities.Handoff;
using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.State;
using Lifecycle.Activities.Tests.Support;
using Lifecycle.Workflows.Activities;
using Lifecycle.Workflows.Definitions;
using Microsoft.Extensions.DependencyInjection;

namespace Lifecycle.Activities.Tests.Readers;

/// <summary>
/// The readers of what users and earlier sessions wrote never throw anything but their documented
/// error, whatever the damage: the real files (the fuzzer's seeds) mutated as afl does it. The long
/// search is afl's (fuzz/, docs/FUZZING.md); this keeps <c>dotnet test</c> guarding it.
/// </summary>
public class ReaderMutationTests
{
    [Fact]
    public void DefinitionReader_ListsProblems_ForAnyMutationOfTheRealWorkflows()
    {
        var root = JsonMutations.RepositoryRoot();
        var files = Directory.EnumerateFiles(Path.Combine(root, "workflows"), "*.json", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).Select(File.ReadAllText).Concat(JsonMutations.Corpus("definition")).ToList();
        using var repo = new TempRepository();
        using var services = new ServiceCollection().AddLifecycleSessions(repo.Path).AddSingleton<ISessionStore>(new InMemorySessionStore()).BuildServiceProvider();
        var reader = new DefinitionReader(new ActivityRegistry().AddAssembly(typeof(AssemblyMarker).Assembly), services);
        var options = new DefinitionReaderOptions { WorkflowExists = id => id.StartsWith("session-", StringComparison.Ordinal) };

        JsonMutations.Of(files).Sample(json =>
        {
            DefinitionReader.Identify(json);
            try
            {
                reader.Read(json, options);
            }
            catch (WorkflowValidationException error)
            {
                Assert.NotEmpty(error.Errors);
                Assert.All(error.Errors, e => Assert.StartsWith("$", e.Path, StringComparison.Ordinal));
            }
        }, iter: 2000);
    }

    [Fact]
    public void ConfigLoader_ListsProblemsOnePerLine_ForAnyMutationOfARealConfig()
    {
        JsonMutations.Of(JsonMutations.Corpus("config")).Sample(json =>
        {
            try
            {
                LifecycleConfigLoader.Parse(json);
            }
            catch (SessionException error)
            {
                Assert.Equal(ErrorKind.InvalidInput, error.Kind);
                Assert.All(error.Message.Split('\n')[1..], line => Assert.StartsWith("$", line, StringComparison.Ordinal));
            }
        }, iter: 4000);
    }

    [Fact]
    public void HandoffParse_ThrowsOnlyJsonException_AndWhatItReadsRendersAgain()
    {
        JsonMutations.Of(JsonMutations.Corpus("handoff")).Sample(json =>
        {
            Lifecycle.Activities.Handoff.Handoff handoff;
            try
            {
                handoff = HandoffJson.Parse(json);
            }
            catch (JsonException)
            {
                return;
            }

            HandoffJson.Render(handoff);
        }, iter: 4000);
    }

    [Fact]
    public async Task StateFile_ThrowsOnlySessionException_ForAnyMutationOfARealStateFile()
    {
        // A mutated payload is also wrapped with its right checksum, so the damage reaches the payload's
        // reading and not only the checksum's. The corpus' "P" files are payloads.
        var corpus = JsonMutations.Corpus("state");
        var files = corpus.Where(f => !f.StartsWith('P')).ToList();
        var payloads = corpus.Where(f => f.StartsWith('P')).Select(f => f[1..]).ToList();
        using var repo = new TempRepository();
        var file = new StateFile<SessionContext>(Path.Combine(repo.Path, "state.json"), TimeProvider.System, new StateFileOptions { BackupCount = 1 });

        await Gen.Frequency((1, JsonMutations.Of(files).Select(Encoding.UTF8.GetBytes)), (2, JsonMutations.Of(payloads).Select(Envelope)))
            .SampleAsync(async bytes =>
            {
                await File.WriteAllBytesAsync(file.Path, bytes);
                try
                {
                    var result = await file.ReadAsync();
                    Assert.NotNull(result);
                    Assert.False(result.WasRestored);
                }
                catch (SessionException)
                {
                    // Documented: no good copy, with the reason.
                }
            }, iter: 1000);
    }

    private static byte[] Envelope(string payload)
    {
        var bytes = Encoding.UTF8.GetBytes(payload);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return [.. Encoding.UTF8.GetBytes($"{{\"version\": 1, \"savedAt\": \"2026-01-02T03:04:05+00:00\", \"sha256\": \"{hash}\", \"payload\": "), .. bytes, .. "}\n"u8];
    }
}
