using Lifecycle.Activities.Setup;

namespace Lifecycle.Server.Hosting;

/// <summary>How to run this very executable again from a shell (for git hooks).</summary>
public static class LifecycleExecutable
{
    /// <summary>The command line, quoted for sh: the app host, or <c>dotnet lifecycle.dll</c>.</summary>
    public static string ShellCommand()
    {
        var process = Environment.ProcessPath ?? "dotnet";
        var assembly = Path.Combine(AppContext.BaseDirectory, "lifecycle.dll");
        return Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? $"{HookInstaller.Quote(process)} exec {HookInstaller.Quote(assembly)}"
            : HookInstaller.Quote(process);
    }
}
