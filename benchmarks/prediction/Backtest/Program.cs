using System.Globalization;
using Lifecycle.Activities.Prediction;

// Usage: Backtest FILE.tsv. Ends with one line per quantity:
// FILE QUANTITY: model MAE x, last-session y, mean-so-far z
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: benchmarks/prediction/run.sh FILE.tsv (a commit history; see /work/shared/data/histories/README.md)");
    return 2;
}

var file = args[0];
List<CommitFact> commits;
try
{
    commits = HistoryFile.Read(file);
}
catch (Exception problem) when (problem is FormatException or FileNotFoundException or IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine(problem.Message);
    return 2;
}

var sessions = WorkSessionGrouping.Group(commits);
var run = WalkForward.Run(sessions);
var invariant = CultureInfo.InvariantCulture;
Console.WriteLine(string.Create(invariant,
    $"{file}: {commits.Count} commits, {sessions.Count} work sessions (idle gap {WorkSessionGrouping.IdleGap.TotalMinutes:0} min, lead-in {WorkSessionGrouping.LeadIn.TotalMinutes:0} min), {run.Predicted} predicted walk-forward"));
Console.WriteLine(run.Predicted == 0
    ? "10-90% interval coverage: n/a"
    : "10-90% interval coverage (nominal 80%): " + string.Join(", ", WalkForward.Quantities.Select((quantity, q) =>
        string.Create(invariant, $"{quantity.Name} {100.0 * run.Covered[q] / run.Predicted:0.0}%"))));

for (var q = 0; q < WalkForward.Quantities.Length; q++)
{
    var name = WalkForward.Quantities[q].Name;
    Console.WriteLine(run.Predicted == 0
        ? $"{file} {name}: model MAE n/a, last-session n/a, mean-so-far n/a (no session has an earlier one to learn from)"
        : string.Create(invariant, $"{file} {name}: model MAE {run.Model[q] / run.Predicted:0.00}, last-session {run.Last[q] / run.Predicted:0.00}, mean-so-far {run.Mean[q] / run.Predicted:0.00}"));
}

return 0;
