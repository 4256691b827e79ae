using Lifecycle.Activities.Sessions;

namespace Lifecycle.Server.Dashboard.Workflows;

/// <summary>
/// The session's transition table as the product runs it, read from <see cref="SessionStateMachine"/>
/// itself: for each state, the triggers it permits and where firing each one leads. Nothing is
/// copied by hand, so the picture cannot drift from the table.
/// </summary>
public static class SessionTransitions
{
    /// <summary>One permitted transition.</summary>
    public sealed record Transition(SessionState From, SessionTrigger Trigger, SessionState To);

    /// <summary>Every permitted transition, by state in the enum's order, then by trigger.</summary>
    public static IReadOnlyList<Transition> All()
    {
        var table = new List<Transition>();
        foreach (var from in Enum.GetValues<SessionState>())
        {
            var state = from;
            var machine = new SessionStateMachine(() => state, s => state = s);
            foreach (var trigger in machine.PermittedTriggers.ToList())
            {
                state = from;
                machine.Fire(trigger);
                table.Add(new Transition(from, trigger, state));
            }
        }

        return table;
    }

    /// <summary>The states in the order a session goes through them: breadth first from DORMANT, then any the table never reaches.</summary>
    public static IReadOnlyList<SessionState> States(IReadOnlyList<Transition> table)
    {
        var order = new List<SessionState> { SessionState.Dormant };
        for (var i = 0; i < order.Count; i++)
        {
            foreach (var next in table.Where(t => t.From == order[i]).Select(t => t.To))
            {
                if (!order.Contains(next))
                {
                    order.Add(next);
                }
            }
        }

        order.AddRange(Enum.GetValues<SessionState>().Where(s => !order.Contains(s)));
        return order;
    }
}
