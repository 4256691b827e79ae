namespace Lifecycle.Server.Agents;

/// <summary>Whether the program of a command line (its first word) can be run from here: a path that exists, or a name found on PATH.</summary>
public static class CommandLookup
{
    /// <summary>The command's program when it cannot be found; null when it can.</summary>
    public static string? Missing(string commandLine)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        var program = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (program is null)
        {
            return null;
        }

        if (program.Contains('/') || program.Contains('\\'))
        {
            return File.Exists(program) ? null : program;
        }

        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var names = OperatingSystem.IsWindows() ? [program, program + ".exe", program + ".cmd"] : new[] { program };
        return folders.Any(folder => names.Any(name => File.Exists(Path.Combine(folder, name)))) ? null : program;
    }
}
