namespace Lifecycle.Activities.Tests.Support;

/// <summary>Files of this source repository (schemas/, docs/) that tests hold to the code.</summary>
public static class RepositoryFiles
{
    /// <summary>Set to 1 to have the tests that compare generated files rewrite them instead.</summary>
    public const string UpdateVariable = "LIFECYCLE_UPDATE_SCHEMA";

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>The full path of <paramref name="relative"/> in the repository.</summary>
    public static string PathOf(string relative) => Path.Combine(Root(), relative);

    /// <summary>A file's text with "\n" line endings (a checkout with core.autocrlf is not a change); null when it does not exist.</summary>
    public static string? Read(string relative) =>
        File.Exists(PathOf(relative)) ? File.ReadAllText(PathOf(relative)).ReplaceLineEndings("\n") : null;

    private static string Root()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Lifecycle.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds Lifecycle.sln.");
    }
}
