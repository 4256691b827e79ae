using Lifecycle.Activities.Configuration;
using Lifecycle.Activities.Tests.Support;

namespace Lifecycle.Activities.Tests.Configuration;

public class LifecycleConfigLoaderTests
{
    [Fact]
    public void Load_WithoutAFile_ReturnsTheDefaults()
    {
        using var repo = new TempRepository();

        var config = LifecycleConfigLoader.Load(repo.Path);

        Assert.Equal(15, config.IdleThresholdMinutes);
        Assert.Equal(5, config.CheckpointIntervalMinutes);
        Assert.Equal(60, config.InactivityAutoCloseMinutes);
        Assert.Equal("docs/sessions", config.DocsFolder);
        Assert.True(config.Stash);
        Assert.True(config.CommitDocs);
        Assert.False(config.ManualMode);
        Assert.Null(config.CoverageReport);
        Assert.Equal(500, config.RealityChecks.MinimumFreeDiskMegabytes);
        Assert.Empty(config.RealityChecks.Agents);
        foreach (var builtin in new[] { config.RealityChecks.Builtins.GitIntegrity, config.RealityChecks.Builtins.NoMergeConflicts, config.RealityChecks.Builtins.DiskSpace })
        {
            Assert.True(builtin.Enabled);
            Assert.Equal(1, builtin.Weight);
        }
    }

    [Fact]
    public void Load_AnEmptyObject_EqualsTheDefaults()
    {
        using var repo = new TempRepository();
        repo.Write(".lifecycle/config.json", "{}");

        var config = LifecycleConfigLoader.Load(repo.Path);

        Assert.Equal(LifecycleConfig.Default with { RealityChecks = config.RealityChecks }, config);
        Assert.Equal(LifecycleConfig.Default.RealityChecks.Builtins, config.RealityChecks.Builtins);
    }

    [Fact]
    public void Load_AFullFileWithCommentsAndTrailingCommas_ReadsEveryValue()
    {
        using var repo = new TempRepository();
        repo.Write(".lifecycle/config.json", """
            {
              // hand-written, so comments are welcome
              "$schema": "https://example.com/lifecycle-config.json",
              "idleThresholdMinutes": 20,
              "checkpointIntervalMinutes": 10,
              "inactivityAutoCloseMinutes": 0,
              "docsFolder": "notes/sessions",
              "stash": false,
              "commitDocs": false,
              "manualMode": true,
              "coverageReport": "coverage/cobertura.xml",
              "realityChecks": {
                "builtins": {
                  "gitIntegrity": { "enabled": false },
                  "noMergeConflicts": { "weight": 2.5 },
                  "diskSpace": { "enabled": true, "weight": 0, },
                },
                "minimumFreeDiskMegabytes": 2048,
                "agents": [
                  { "name": "tests", "run": "dotnet test", "weight": 3, "timeoutSeconds": 600, "quick": false },
                  { "name": "lint", "run": "dotnet format --verify-no-changes", "quick": true },
                ],
              },
            }
            """);

        var config = LifecycleConfigLoader.Load(repo.Path);

        Assert.Equal(20, config.IdleThresholdMinutes);
        Assert.Equal(10, config.CheckpointIntervalMinutes);
        Assert.Equal(0, config.InactivityAutoCloseMinutes);
        Assert.Equal("notes/sessions", config.DocsFolder);
        Assert.False(config.Stash);
        Assert.False(config.CommitDocs);
        Assert.True(config.ManualMode);
        Assert.Equal("coverage/cobertura.xml", config.CoverageReport);
        var checks = config.RealityChecks;
        Assert.Equal(new BuiltinCheckConfig { Enabled = false, Weight = 1 }, checks.Builtins.GitIntegrity);
        Assert.Equal(new BuiltinCheckConfig { Enabled = true, Weight = 2.5 }, checks.Builtins.NoMergeConflicts);
        Assert.Equal(new BuiltinCheckConfig { Enabled = true, Weight = 0 }, checks.Builtins.DiskSpace);
        Assert.Equal(2048, checks.MinimumFreeDiskMegabytes);
        Assert.Equal(
            [
                new RealityAgentConfig { Name = "tests", Run = "dotnet test", Weight = 3, TimeoutSeconds = 600, Quick = false },
                new RealityAgentConfig { Name = "lint", Run = "dotnet format --verify-no-changes", Weight = 1, TimeoutSeconds = 60, Quick = true },
            ],
            checks.Agents);
    }

    [Fact]
    public void Load_AFolderInPlaceOfTheFile_ThrowsWithExitCode2()
    {
        using var repo = new TempRepository();
        Directory.CreateDirectory(Path.Combine(repo.Path, ".lifecycle", "config.json"));

        var error = Assert.Throws<SessionException>(() => LifecycleConfigLoader.Load(repo.Path));

        Assert.Equal(ErrorKind.InvalidInput, error.Kind);
        Assert.Contains("is a folder", error.Message);
    }

    [Fact]
    public void Load_AnInvalidFile_ThrowsOneSessionExceptionNamingTheFile()
    {
        using var repo = new TempRepository();
        repo.Write(".lifecycle/config.json", """{ "stash": "yes" }""");

        var error = Assert.Throws<SessionException>(() => LifecycleConfigLoader.Load(repo.Path));

        Assert.Equal(ErrorKind.InvalidInput, error.Kind);
        Assert.Equal(
            ".lifecycle/config.json has 1 problem:\n$.stash: Expected true or false; found the string 'yes'. Write \"stash\": true without quotes.",
            error.Message);
    }

    [Fact]
    public void Parse_BadJson_ReportsLineAndColumn()
    {
        var error = Assert.Throws<SessionException>(() => LifecycleConfigLoader.Parse("{\n  \"stash\": true\n  \"manualMode\": true\n}"));

        Assert.Equal(ErrorKind.InvalidInput, error.Kind);
        var line = Assert.Single(Problems(error));
        Assert.StartsWith("$: Invalid JSON at line 3, column 3:", line);
        Assert.Contains("Fix the syntax", line);
    }

    [Fact]
    public void Parse_AnEmptyFile_SuggestsAnEmptyObject()
    {
        var error = Assert.Throws<SessionException>(() => LifecycleConfigLoader.Parse("  \n"));

        Assert.Equal("$: The file is empty. Write {} to use the defaults, or delete the file.", Assert.Single(Problems(error)));
    }

    [Theory]
    [InlineData("[]", "$", "Expected an object for the configuration; found an array.")]
    [InlineData("""{"timing": {"timeboxMinutes": 721}}""", "$.timing.timeboxMinutes", "721 is too large; timeboxMinutes is in minutes and may be at most 720.")]
    [InlineData("""{"timing": {"breakAfterMinutes": -1}}""", "$.timing.breakAfterMinutes", "-1 is negative; breakAfterMinutes is in minutes and must be 0 or more (0 turns the reminder off).")]
    [InlineData("""{"timing": {"reminderLead": 10}}""", "$.timing.reminderLead", "Unknown key 'reminderLead'. Known keys here: timeboxMinutes, reminderLeadMinutes, breakAfterMinutes.")]
    [InlineData("""{"idleTreshold": 5}""", "$.idleTreshold", "Unknown key 'idleTreshold'. Known keys here: $schema, idleThresholdMinutes, checkpointIntervalMinutes, inactivityAutoCloseMinutes, retentionDays, docsFolder, stash, commitDocs, manualMode, coverageReport, realityChecks, goals, timing.")]
    [InlineData("""{"ManualMode": true}""", "$.ManualMode", "Unknown key 'ManualMode'. Did you mean 'manualMode'?")]
    [InlineData("""{"stash": true, "stash": false}""", "$.stash", "Key 'stash' appears more than once; keep one.")]
    [InlineData("""{"my key": 1}""", "$['my key']", "Unknown key 'my key'.")]
    [InlineData("""{"$schema": 3}""", "$.$schema", "Expected a string (the schema's URL); found the number 3.")]
    [InlineData("""{"idleThresholdMinutes": "15"}""", "$.idleThresholdMinutes", "Expected a whole number of minutes; found the string '15'. Write e.g. \"idleThresholdMinutes\": 15.")]
    [InlineData("""{"idleThresholdMinutes": -5}""", "$.idleThresholdMinutes", "-5 is negative; idleThresholdMinutes is in minutes and must be at least 1.")]
    [InlineData("""{"idleThresholdMinutes": 0}""", "$.idleThresholdMinutes", "0 is too small; idleThresholdMinutes is in minutes and must be at least 1.")]
    [InlineData("""{"checkpointIntervalMinutes": 2.5}""", "$.checkpointIntervalMinutes", "Expected a whole number of minutes; found 2.5. Round it, e.g. \"checkpointIntervalMinutes\": 5.")]
    [InlineData("""{"checkpointIntervalMinutes": 100000}""", "$.checkpointIntervalMinutes", "100000 is too large; checkpointIntervalMinutes is in minutes and may be at most 10080.")]
    [InlineData("""{"inactivityAutoCloseMinutes": -1}""", "$.inactivityAutoCloseMinutes", "-1 is negative; inactivityAutoCloseMinutes is in minutes and must be 0 or more (0 turns auto-close off).")]
    [InlineData("""{"docsFolder": 7}""", "$.docsFolder", "Expected a path relative to the repository root, such as \"docs/sessions\"; found the number 7.")]
    [InlineData("""{"docsFolder": ""}""", "$.docsFolder", "'docsFolder' is empty; write a path relative to the repository root, such as \"docs/sessions\".")]
    [InlineData("""{"docsFolder": "../elsewhere"}""", "$.docsFolder", "'../elsewhere' leaves the repository; write a path relative to the repository root without '..'.")]
    [InlineData("""{"docsFolder": "/tmp/docs"}""", "$.docsFolder", "'/tmp/docs' leaves the repository;")]
    [InlineData("""{"commitDocs": 1}""", "$.commitDocs", "Expected true or false; found the number 1. Write \"commitDocs\": true without quotes.")]
    [InlineData("""{"manualMode": null}""", "$.manualMode", "Expected true or false; found null. Write \"manualMode\": false without quotes.")]
    [InlineData("""{"inactivityAutoCloseMinutes": "never"}""", "$.inactivityAutoCloseMinutes", "Expected a whole number of minutes (0 turns auto-close off); found the string 'never'. Write e.g. \"inactivityAutoCloseMinutes\": 60.")]
    [InlineData("""{"coverageReport": ""}""", "$.coverageReport", "'coverageReport' is empty; write a path relative to the repository root, such as \"coverage/cobertura.xml\", or remove the key.")]
    [InlineData("""{"coverageReport": false}""", "$.coverageReport", "Expected a path relative to the repository root, such as \"coverage/cobertura.xml\"; found the boolean false.")]
    [InlineData("""{"realityChecks": true}""", "$.realityChecks", "Expected an object for the reality-check settings; found the boolean true.")]
    [InlineData("""{"realityChecks": {"agent": []}}""", "$.realityChecks.agent", "Unknown key 'agent'. Known keys here: builtins, minimumFreeDiskMegabytes, agents.")]
    [InlineData("""{"realityChecks": {"minimumFreeDiskMegabytes": -100}}""", "$.realityChecks.minimumFreeDiskMegabytes", "-100 is negative; minimumFreeDiskMegabytes is in megabytes and must be 0 or more.")]
    [InlineData("""{"realityChecks": {"builtins": {"diskspace": {}}}}""", "$.realityChecks.builtins.diskspace", "Unknown key 'diskspace'. Did you mean 'diskSpace'? Known keys here: gitIntegrity, noMergeConflicts, diskSpace.")]
    [InlineData("""{"realityChecks": {"builtins": {"gitIntegrity": false}}}""", "$.realityChecks.builtins.gitIntegrity", "Expected an object for the gitIntegrity settings ({\"enabled\": true, \"weight\": 1}); found the boolean false.")]
    [InlineData("""{"realityChecks": {"builtins": {"diskSpace": {"enabled": "no"}}}}""", "$.realityChecks.builtins.diskSpace.enabled", "Expected true or false; found the string 'no'.")]
    [InlineData("""{"realityChecks": {"builtins": {"noMergeConflicts": {"weight": -2}}}}""", "$.realityChecks.builtins.noMergeConflicts.weight", "-2 is negative; a weight must be 0 or more (0 reports the agent without counting it).")]
    [InlineData("""{"realityChecks": {"builtins": {"noMergeConflicts": {"wieght": 2}}}}""", "$.realityChecks.builtins.noMergeConflicts.wieght", "Unknown key 'wieght'. Known keys here: enabled, weight.")]
    [InlineData("""{"realityChecks": {"agents": {"name": "tests"}}}""", "$.realityChecks.agents", "Expected an array of agents like [{\"name\": \"tests\", \"run\": \"dotnet test\"}]; found an object.")]
    [InlineData("""{"realityChecks": {"agents": ["dotnet test"]}}""", "$.realityChecks.agents[0]", "Expected an object for an agent ({\"name\": \"tests\", \"run\": \"dotnet test\"}); found the string 'dotnet test'.")]
    [InlineData("""{"realityChecks": {"agents": [{"run": "make"}]}}""", "$.realityChecks.agents[0].name", "Missing 'name'; add a short name such as \"tests\".")]
    [InlineData("""{"realityChecks": {"agents": [{"name": "t"}]}}""", "$.realityChecks.agents[0].run", "Missing 'run'; add a shell command such as \"dotnet test\".")]
    [InlineData("""{"realityChecks": {"agents": [{"name": "t", "run": "  "}]}}""", "$.realityChecks.agents[0].run", "'run' is empty; write a shell command such as \"dotnet test\".")]
    [InlineData("""{"realityChecks": {"agents": [{"name": "t", "run": ["make"]}]}}""", "$.realityChecks.agents[0].run", "Expected a string, a shell command such as \"dotnet test\"; found an array.")]
    [InlineData("""{"realityChecks": {"agents": [{"name": "t", "run": "make", "weight": "high"}]}}""", "$.realityChecks.agents[0].weight", "Expected a number of 0 or more (the share in the consensus); found the string 'high'.")]
    [InlineData("""{"realityChecks": {"agents": [{"name": "t", "run": "make", "timeoutSeconds": 0}]}}""", "$.realityChecks.agents[0].timeoutSeconds", "0 is too small; timeoutSeconds is in seconds and must be at least 1.")]
    [InlineData("""{"realityChecks": {"agents": [{"name": "t", "run": "make", "timeoutSeconds": -30}]}}""", "$.realityChecks.agents[0].timeoutSeconds", "-30 is negative;")]
    [InlineData("""{"realityChecks": {"agents": [{"name": "t", "run": "make", "quick": "yes"}]}}""", "$.realityChecks.agents[0].quick", "Expected true or false; found the string 'yes'. Write \"quick\": false without quotes.")]
    [InlineData("""{"realityChecks": {"agents": [{"name": "t", "run": "make", "command": "x"}]}}""", "$.realityChecks.agents[0].command", "Unknown key 'command'. Known keys here: name, run, weight, timeoutSeconds, quick.")]
    [InlineData("""{"realityChecks": {"agents": [{"name": "t", "run": "a"}, {"name": "T", "run": "b"}]}}""", "$.realityChecks.agents[1].name", "Agent name 'T' is already used by $.realityChecks.agents[0]; give each agent its own name.")]
    [InlineData("""{"realityChecks": {"agents": [{"name": "disk-space", "run": "df"}]}}""", "$.realityChecks.agents[0].name", "Agent name 'disk-space' is taken by a built-in agent (git-integrity, no-merge-conflicts, disk-space);")]
    [InlineData("""{"goals": []}""", "$.goals", "Expected an object for the report goals")]
    [InlineData("""{"goals": {"commitsPerHr": {}}}""", "$.goals.commitsPerHr", "Unknown key 'commitsPerHr'. Known keys here: commitsPerHour, activeShare, score.")]
    [InlineData("""{"goals": {"activeShare": {"min": 80}}}""", "$.goals.activeShare.min", "80 is out of range; min is a share from 0 to 1 (0.8 is 80%) and must be from 0 to 1.")]
    [InlineData("""{"goals": {"commitsPerHour": {"min": 3, "max": 1}}}""", "$.goals.commitsPerHour", "min 3 is above max 1; give a range whose min is at most its max.")]
    [InlineData("""{"goals": {"score": {"min": "high"}}}""", "$.goals.score.min", "Expected a number (a score from 0 to 1) or null; found the string 'high'.")]
    [InlineData("""{"goals": {"score": 0.6}}""", "$.goals.score", "Expected an object for the score goal")]
    public void Parse_AnInvalidValue_ReportsItsPathAndAFix(string json, string path, string message)
    {
        var error = Assert.Throws<SessionException>(() => LifecycleConfigLoader.Parse(json));

        Assert.Equal(ErrorKind.InvalidInput, error.Kind);
        var problem = Assert.Single(Problems(error));
        Assert.StartsWith($"{path}: {message}", problem);
    }

    [Fact]
    public void Parse_ManyProblems_ReportsEveryOneAtOnceOnePerLine()
    {
        const string json = """
            {
              "idleThresholdMinutes": -1,
              "stash": "no",
              "colour": "blue",
              "realityChecks": {
                "minimumFreeDiskMegabytes": "lots",
                "agents": [
                  { "name": "tests", "run": "" },
                  { "name": "tests", "run": "make", "weight": -1 },
                ],
              },
            }
            """;

        var error = Assert.Throws<SessionException>(() => LifecycleConfigLoader.Parse(json, "config.json"));

        Assert.Equal(ErrorKind.InvalidInput, error.Kind);
        Assert.StartsWith("config.json has 7 problems:\n", error.Message);
        Assert.Equal(
            [
                "$.colour",
                "$.idleThresholdMinutes",
                "$.stash",
                "$.realityChecks.minimumFreeDiskMegabytes",
                "$.realityChecks.agents[0].run",
                "$.realityChecks.agents[1].weight",
                "$.realityChecks.agents[1].name",
            ],
            Problems(error).Select(p => p[..p.IndexOf(": ", StringComparison.Ordinal)]));
    }

    [Fact]
    public void Parse_NullCoverageReport_MeansNone()
    {
        Assert.Null(LifecycleConfigLoader.Parse("""{"coverageReport": null}""").CoverageReport);
    }

    [Fact]
    public void TryParse_AValidFile_ReturnsNoErrors()
    {
        var (config, errors) = LifecycleConfigLoader.TryParse("""{"realityChecks": {"agents": [{"name": "a", "run": "true"}]}}""");

        Assert.Empty(errors);
        Assert.Equal("a", Assert.Single(config!.RealityChecks.Agents).Name);
    }

    private static string[] Problems(SessionException error) => error.Message.Split('\n')[1..];

    [Fact]
    public void Parse_Goals_ReadsTheRanges_KeepsTheDefaultsOfTheOthers_AndAnEmptyGoalIsOff()
    {
        var config = LifecycleConfigLoader.Parse("""{"goals": {"commitsPerHour": {"min": 2}, "score": {}}}""");

        Assert.Equal(new GoalRange { Min = 2 }, config.Goals.CommitsPerHour);
        Assert.Equal(new GoalRange { Min = 0.8 }, config.Goals.ActiveShare);
        Assert.False(config.Goals.Score.IsSet);
        Assert.True(config.Goals.CommitsPerHour.Meets(2) && !config.Goals.CommitsPerHour.Meets(1.9));
    }
}
