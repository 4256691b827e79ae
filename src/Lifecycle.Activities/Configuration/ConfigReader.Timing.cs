using System.Text.Json;

namespace Lifecycle.Activities.Configuration;

/// <summary>The <c>timing</c> section: the default timebox and the reminders' lead and break threshold, in minutes.</summary>
internal sealed partial class ConfigReader
{
    private static readonly string[] TimingKeys = ["timeboxMinutes", "reminderLeadMinutes", "breakAfterMinutes"];

    private TimingConfig ReadTiming(JsonElement section, string path)
    {
        var defaults = new TimingConfig();
        if (!ExpectObject(section, path, "the timing settings ({\"timeboxMinutes\": 90, \"reminderLeadMinutes\": 15, \"breakAfterMinutes\": 90})"))
        {
            return defaults;
        }

        CheckKeys(section, path, TimingKeys);
        return new TimingConfig
        {
            TimeboxMinutes = ReadInt(section, path, "timeboxMinutes", defaults.TimeboxMinutes, 0, ConfigLimits.MaxTimeboxMinutes, "minutes", " (0 gives no timebox)"),
            ReminderLeadMinutes = ReadInt(section, path, "reminderLeadMinutes", defaults.ReminderLeadMinutes, 0, ConfigLimits.MaxTimeboxMinutes, "minutes", " (0 turns the reminder off)"),
            BreakAfterMinutes = ReadInt(section, path, "breakAfterMinutes", defaults.BreakAfterMinutes, 0, MaxMinutes, "minutes", " (0 turns the reminder off)"),
        };
    }
}
