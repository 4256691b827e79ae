namespace Lifecycle.Server.Tests.Support;

/// <summary>A fact that needs a terminal, made by util-linux's <c>script</c>; skipped (and so reported) without it.</summary>
public sealed class ScriptFactAttribute : FactAttribute
{
    public ScriptFactAttribute()
    {
        if (!Shell.Exists("script"))
        {
            Skip = "script (util-linux) is not installed: apt-get install -y bsdutils.";
        }
    }
}
