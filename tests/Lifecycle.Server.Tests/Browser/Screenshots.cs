using Microsoft.Playwright;

namespace Lifecycle.Server.Tests.Browser;

/// <summary>
/// Pictures of the dashboard's pages. By default they go next to the tests' output
/// (<c>screenshots/</c>); <c>LIFECYCLE_SCREENSHOTS=docs/screenshots</c> (relative to the repository
/// root, or absolute) puts them where the README shows them.
/// </summary>
public static class Screenshots
{
    public static string Folder
    {
        get
        {
            var wanted = Environment.GetEnvironmentVariable("LIFECYCLE_SCREENSHOTS");
            if (string.IsNullOrEmpty(wanted))
            {
                return Path.Combine(AppContext.BaseDirectory, "screenshots");
            }

            return Path.IsPathRooted(wanted) ? wanted : Path.Combine(RepositoryRoot(), wanted);
        }
    }

    public static async Task SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, $"{name}.png"), FullPage = true });
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

        throw new InvalidOperationException("Lifecycle.sln not found above the tests' folder: give LIFECYCLE_SCREENSHOTS as an absolute path.");
    }
}
