using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Lifecycle.Server.Tests.Packaging;

/// <summary>
/// What MSBuild makes of Lifecycle.Server.csproj for a build, a publish and a pack (evaluated, not
/// built: a composite publish takes minutes). The CLI's 'dotnet publish' and 'dotnet pack' set
/// _IsPublishing and _IsPacking; these tests set them the same way.
/// </summary>
public class PublishSettingsTests
{
    [Fact]
    public async Task Build_IsFrameworkDependent_AndRestoresNoRuntimeForAPlatform()
    {
        var build = await EvaluateAsync([], "RuntimeIdentifier", "RuntimeIdentifiers", "SelfContained", "PublishReadyToRun", "PackAsTool");

        Assert.Equal("", build["RuntimeIdentifier"]);
        Assert.Equal("", build["RuntimeIdentifiers"]);
        Assert.Equal("false", build["SelfContained"]);
        Assert.Equal("", build["PublishReadyToRun"]);
        Assert.Equal("", build["PackAsTool"]);
    }

    [Fact]
    public async Task PlainPublish_IsSelfContainedCompositeReadyToRun_ForThisMachinesPlatform()
    {
        var publish = await EvaluateAsync(["-p:_IsPublishing=true", "-p:Configuration=Release"],
            "RuntimeIdentifier", "NETCoreSdkPortableRuntimeIdentifier", "SelfContained", "PublishReadyToRun", "PublishReadyToRunComposite");

        Assert.NotEqual("", publish["RuntimeIdentifier"]);
        Assert.Equal(publish["NETCoreSdkPortableRuntimeIdentifier"], publish["RuntimeIdentifier"]);
        Assert.Equal("true", publish["SelfContained"]);
        Assert.Equal("true", publish["PublishReadyToRun"]);
        Assert.Equal("true", publish["PublishReadyToRunComposite"]);
    }

    [Fact]
    public async Task Pack_IsAToolWithOnePackagePerPlatform_EachTheSelfContainedCompositeExecutable()
    {
        // The outer pack makes the package named lifecycle and packs each platform's (named
        // lifecycle.RID by the SDK's pack targets) with RuntimeIdentifier set: that inner evaluation
        // must publish as the plain publish does.
        var outer = await EvaluateAsync(["-p:_IsPacking=true"],
            "PackAsTool", "ToolCommandName", "PackageId", "ToolPackageRuntimeIdentifiers", "CreateRidSpecificToolPackages", "NETCoreSdkPortableRuntimeIdentifier");
        var rid = outer["NETCoreSdkPortableRuntimeIdentifier"];
        var inner = await EvaluateAsync(["-p:_IsPacking=true", $"-p:RuntimeIdentifier={rid}"],
            "SelfContained", "PublishReadyToRun", "PublishReadyToRunComposite");

        Assert.Equal("true", outer["PackAsTool"]);
        Assert.Equal("lifecycle", outer["ToolCommandName"]);
        Assert.Equal("lifecycle", outer["PackageId"]);
        Assert.Equal(rid, outer["ToolPackageRuntimeIdentifiers"]);
        Assert.Equal("true", outer["CreateRidSpecificToolPackages"]);
        Assert.Equal("true", inner["SelfContained"]);
        Assert.Equal("true", inner["PublishReadyToRun"]);
        Assert.Equal("true", inner["PublishReadyToRunComposite"]);
    }

    private static async Task<IReadOnlyDictionary<string, string>> EvaluateAsync(string[] properties, params string[] names)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot(),
        };
        foreach (var arg in new[] { "msbuild", Path.Combine("src", "Lifecycle.Server", "Lifecycle.Server.csproj"), "-nologo" }.Concat(properties).Concat(names.Select(n => $"-getProperty:{n}")))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"dotnet msbuild: exit {process.ExitCode}\n{await stdout}\n{await stderr}");
        var values = JsonNode.Parse(await stdout)!["Properties"]!.AsObject();
        return names.ToDictionary(name => name, name => values[name]?.GetValue<string>() ?? "");
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Lifecycle.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Lifecycle.sln above {AppContext.BaseDirectory}.");
    }
}
