namespace Lifecycle.Server.Tests.Browser;

/// <summary>Checks for a narrow window (a phone): nothing may make the page scroll sideways.</summary>
public static class Narrow
{
    /// <summary>
    /// A script that names the elements sticking out past the window's right edge, outside any box
    /// that scrolls on its own (a wide table in its scrolling wrapper is fine); empty when none does.
    /// </summary>
    public const string WiderThanTheWindow = """
        () => {
          const width = document.documentElement.clientWidth;
          if (document.documentElement.scrollWidth <= width + 1) return "";
          const scrolls = el => { for (let e = el.parentElement; e; e = e.parentElement) { const o = getComputedStyle(e).overflowX; if (o === "auto" || o === "scroll" || o === "hidden") return true; } return false; };
          return [...document.querySelectorAll("body *")]
            .filter(el => el.getBoundingClientRect().right > width + 1 && !scrolls(el))
            .slice(0, 5)
            .map(el => `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${el.className ? "." + String(el.className).split(" ").join(".") : ""} (${Math.round(el.getBoundingClientRect().right)}px)`)
            .join(", ") || `the page is ${document.documentElement.scrollWidth}px wide`;
        }
        """;
}
