using System.Globalization;

namespace Lifecycle.Activities.Metrics;

/// <summary>Derives a session's <see cref="ProductivityMetrics"/> from its recorded facts; pure, no I/O.</summary>
/// <remarks>
/// <list type="bullet">
/// <item><b>Setup</b> is <c>ActiveAt - StartedAt</c> (the whole session when it never became active).</item>
/// <item><b>Working time</b> is <c>EndedAt - ActiveAt</c>, split into active and idle time: take
/// ActiveAt, the activity timestamps strictly between ActiveAt and EndedAt in time order, and EndedAt;
/// each gap between consecutive moments counts whole as active when it is at most the idle threshold,
/// otherwise whole as idle. So active + idle = working time, and a session with no recorded activity
/// is idle throughout unless it is no longer than the threshold.</item>
/// <item><b>Rates</b> (commits, changed lines, completed tasks per hour) are over working time
/// (active + idle). Changed lines are added plus deleted lines of every commit and of the
/// uncommitted work put away; a file changed by two commits counts twice.</item>
/// <item><b>Too short to score</b>: with less working time than
/// <see cref="ProductivityOptions.MinimumWorkingTime"/> (15 minutes by default) the rates and the
/// score are null and <see cref="ProductivityMetrics.ScoreUnavailableReason"/> says why: a count over
/// a few seconds extrapolates to hundreds per hour. Times, ratios and counts are still given.</item>
/// <item><b>Documentation ratio</b> is changed lines in documentation files (see
/// <see cref="DocumentationFiles.IsDocumentation"/>) over all changed lines, 0 when none changed.</item>
/// <item><b>Coverage delta</b> is end line rate minus start line rate, unavailable (null, with the
/// reason) unless both readings are available.</item>
/// <item><b>Interruptions</b> are the errors recorded; <b>context switches</b> are branch plus task
/// switches; <b>focus score</b> is the score's flow term <c>1 / (1 + interruptions × 0.1)</c>.</item>
/// </list>
/// </remarks>
public sealed class ProductivityCalculator
{
    private readonly TimeSpan _idleThreshold;
    private readonly TimeSpan _minimumWorkingTime;

    /// <summary>Creates a calculator; <paramref name="options"/> defaults to a 15-minute idle threshold and a 15-minute minimum working time.</summary>
    public ProductivityCalculator(ProductivityOptions? options = null)
    {
        options ??= new ProductivityOptions();
        options.Validate();
        _idleThreshold = options.IdleThreshold;
        _minimumWorkingTime = options.MinimumWorkingTime;
    }

    /// <summary>Computes the metrics of one session.</summary>
    /// <exception cref="ArgumentException">The facts contradict themselves; every problem is listed.</exception>
    public ProductivityMetrics Calculate(SessionFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        Validate(facts);

        var activeAt = facts.ActiveAt ?? facts.EndedAt;
        var (active, idle) = SplitWorkingTime(activeAt, facts.EndedAt, facts.ActivityTimestamps);
        var working = active + idle;
        var scored = working >= _minimumWorkingTime && working > TimeSpan.Zero;
        var workingHours = working.TotalHours;

        var changes = facts.Commits.SelectMany(commit => commit.Files).Concat(facts.UncommittedChanges).ToList();
        var changedLines = changes.Sum(change => (long)change.ChangedLines);
        var documentationLines = changes
            .Where(change => DocumentationFiles.IsDocumentation(change.Path))
            .Sum(change => (long)change.ChangedLines);
        var coverage = CoverageDelta(facts.CoverageAtStart, facts.CoverageAtEnd);
        var interruptions = facts.ErrorsRecorded;

        return new ProductivityMetrics
        {
            SetupTime = (activeAt - facts.StartedAt).TotalMinutes,
            ActiveTime = active.TotalMinutes,
            IdleTime = idle.TotalMinutes,
            CommitsPerHour = scored ? facts.Commits.Count / workingHours : null,
            LinesPerHour = scored ? changedLines / workingHours : null,
            TasksPerHour = scored ? facts.TasksCompleted / workingHours : null,
            TestCoverageDelta = coverage.LineRate,
            TestCoverageUnavailableReason = coverage.UnavailableReason,
            DocumentationRatio = changedLines == 0 ? 0 : (double)documentationLines / changedLines,
            TechnicalDebtDelta = facts.TechnicalDebtMarkersAtEnd - facts.TechnicalDebtMarkersAtStart,
            InterruptionCount = interruptions,
            ContextSwitches = facts.BranchSwitches + facts.TaskSwitches,
            FocusScore = 1.0 / (1.0 + interruptions * 0.1),
            ScoreUnavailableReason = scored ? null : TooShort(working),
        };
    }

    private string TooShort(TimeSpan working)
    {
        var minutes = working.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture);
        var minimum = _minimumWorkingTime.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture);
        return _minimumWorkingTime == TimeSpan.Zero
            ? "nothing to score: no working time"
            : $"too short to score: {minutes} minute{(minutes == "1" ? "" : "s")} of working time, under the {minimum}-minute minimum";
    }

    private (TimeSpan Active, TimeSpan Idle) SplitWorkingTime(
        DateTimeOffset activeAt, DateTimeOffset endedAt, IEnumerable<DateTimeOffset> timestamps)
    {
        var moments = timestamps.Where(t => t > activeAt && t < endedAt).Order().Prepend(activeAt).Append(endedAt);
        var active = TimeSpan.Zero;
        var idle = TimeSpan.Zero;
        var previous = activeAt;
        foreach (var moment in moments.Skip(1))
        {
            var gap = moment - previous;
            if (gap <= _idleThreshold)
            {
                active += gap;
            }
            else
            {
                idle += gap;
            }

            previous = moment;
        }

        return (active, idle);
    }

    private static CoverageReading CoverageDelta(CoverageReading? start, CoverageReading? end)
    {
        if (start?.LineRate is { } before && end?.LineRate is { } after)
        {
            return CoverageReading.Of(after - before);
        }

        return CoverageReading.Unavailable(
            start?.UnavailableReason ?? end?.UnavailableReason
            ?? (start is null ? "no coverage report was recorded at the session's start" : "no coverage report was recorded at the session's end"));
    }

    private static void Validate(SessionFacts facts)
    {
        var problems = new List<string>();
        if (facts.EndedAt < facts.StartedAt)
        {
            problems.Add($"EndedAt {facts.EndedAt:O} is before StartedAt {facts.StartedAt:O}.");
        }

        if (facts.ActiveAt is { } activeAt && (activeAt < facts.StartedAt || activeAt > facts.EndedAt))
        {
            problems.Add($"ActiveAt {activeAt:O} is outside the session ({facts.StartedAt:O} to {facts.EndedAt:O}).");
        }

        foreach (var (name, value) in new[]
        {
            (nameof(facts.TasksCompleted), facts.TasksCompleted),
            (nameof(facts.ErrorsRecorded), facts.ErrorsRecorded),
            (nameof(facts.BranchSwitches), facts.BranchSwitches),
            (nameof(facts.TaskSwitches), facts.TaskSwitches),
            (nameof(facts.TechnicalDebtMarkersAtStart), facts.TechnicalDebtMarkersAtStart),
            (nameof(facts.TechnicalDebtMarkersAtEnd), facts.TechnicalDebtMarkersAtEnd),
        })
        {
            if (value < 0)
            {
                problems.Add($"{name} is {value}; counts cannot be negative.");
            }
        }

        foreach (var change in facts.Commits.SelectMany(commit => commit.Files).Concat(facts.UncommittedChanges))
        {
            if (change.Added < 0 || change.Deleted < 0)
            {
                problems.Add($"File change '{change.Path}' has {change.Added} added and {change.Deleted} deleted lines; line counts cannot be negative.");
            }
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException($"Session facts are inconsistent: {string.Join(" ", problems)}", nameof(facts));
        }
    }
}
