namespace Lifecycle.Server.Tests.Support;

/// <summary>A theory about zsh, skipped (and so reported) on a machine without it: apt-get install -y zsh.</summary>
public sealed class ZshTheoryAttribute : TheoryAttribute
{
    public ZshTheoryAttribute()
    {
        if (!Shell.Exists("zsh"))
        {
            Skip = "zsh is not installed (apt-get install -y zsh).";
        }
    }
}
