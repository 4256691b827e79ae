using Lifecycle.Activities.Sessions;

namespace Lifecycle.Activities.Tests.Sessions;

public class SessionStateMachineTests
{
    public static TheoryData<SessionState, SessionTrigger, SessionState> Legal => new()
    {
        { SessionState.Dormant, SessionTrigger.Start, SessionState.Initializing },
        { SessionState.Initializing, SessionTrigger.Activate, SessionState.Active },
        { SessionState.Initializing, SessionTrigger.Abort, SessionState.Dormant },
        { SessionState.Active, SessionTrigger.Close, SessionState.Closing },
        { SessionState.Active, SessionTrigger.Abandon, SessionState.Dormant },
        { SessionState.Closing, SessionTrigger.Finish, SessionState.Dormant },
        { SessionState.Closing, SessionTrigger.Reopen, SessionState.Active },
    };

    [Theory]
    [MemberData(nameof(Legal))]
    public void Fire_PermittedTrigger_MovesToTheNextState(SessionState from, SessionTrigger trigger, SessionState to)
    {
        var state = from;
        var machine = new SessionStateMachine(() => state, s => state = s);

        machine.Fire(trigger);

        Assert.Equal(to, state);
    }

    [Fact]
    public void Fire_EveryOtherPair_IsAnIllegalTransitionWithExitCodeFour()
    {
        var legal = Legal.Select(row => ((SessionState)row[0], (SessionTrigger)row[1])).ToHashSet();
        foreach (var from in Enum.GetValues<SessionState>())
        {
            foreach (var trigger in Enum.GetValues<SessionTrigger>().Where(t => !legal.Contains((from, t))))
            {
                var state = from;
                var machine = new SessionStateMachine(() => state, s => state = s);

                var error = Assert.Throws<IllegalTransitionException>(() => machine.Fire(trigger));

                Assert.Equal(ErrorKind.Conflict, error.Kind);
                Assert.Equal(from, state);
                Assert.Equal(trigger, error.Trigger);
            }
        }
    }

    [Fact]
    public void Start_WhileActive_SaysToEndTheSessionFirst()
    {
        var state = SessionState.Active;
        var machine = new SessionStateMachine(() => state, s => state = s);

        var error = Assert.Throws<IllegalTransitionException>(() => machine.Fire(SessionTrigger.Start));

        Assert.Equal("A session is already ACTIVE. End it with 'lifecycle end' before starting another.", error.Message);
    }

    [Fact]
    public void IllegalTrigger_NamesWhatTheStatePermits()
    {
        var state = SessionState.Closing;
        var machine = new SessionStateMachine(() => state, s => state = s);

        var error = Assert.Throws<IllegalTransitionException>(() => machine.Fire(SessionTrigger.Activate));

        Assert.Equal("Cannot activate a session that is CLOSING; from CLOSING a session may only: finish, reopen.", error.Message);
    }

    [Fact]
    public void ToMermaid_DrawsEveryStateAndTransition()
    {
        var mermaid = SessionStateMachine.ToMermaid();

        Assert.StartsWith("stateDiagram-v2", mermaid);
        foreach (var (from, trigger, to) in Legal.Select(r => ((SessionState)r[0], (SessionTrigger)r[1], (SessionState)r[2])))
        {
            Assert.Contains($"{from} --> {to} : {trigger}", mermaid);
        }
    }

    [Fact]
    public void TheDocsShowTheCurrentTable()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "SESSIONS.md")).ReplaceLineEndings("\n");

        Assert.Contains(SessionStateMachine.ToMermaid().ReplaceLineEndings("\n").Trim(), docs);
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

        throw new InvalidOperationException("No folder above the tests holds Lifecycle.sln.");
    }
}
