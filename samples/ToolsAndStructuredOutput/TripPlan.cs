using System.Collections.Generic;
using System.ComponentModel;
using ClovaCodegen;

namespace ToolsAndStructuredOutput;

/// <summary>The shape of the answer: the generator writes its JSON Schema (sent as response_format) and its reader.</summary>
[ClovaStructuredOutput]
[Description("A one-day trip plan.")]
public sealed record TripPlan(string City, TripPace Pace, int? BudgetWon, IReadOnlyList<TripStop> Stops);

public enum TripPace
{
    Relaxed,
    Busy,
}

public sealed record TripStop([Description("What to see")] string Place, double Hours);
