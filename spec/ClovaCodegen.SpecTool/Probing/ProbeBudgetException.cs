using System;

namespace ClovaCodegen.SpecTool.Probing;

/// <summary>The plan needs more requests than <c>--max-requests</c> allows: nothing is sent.</summary>
public sealed class ProbeBudgetException : Exception
{
    public ProbeBudgetException(int planned, int maxRequests)
        : base($"The plan needs {planned} requests and --max-requests is {maxRequests}: nothing was sent. Raise --max-requests, or probe less (--endpoint, --field, --skip-models); --dry-run lists the plan.")
    {
        Planned = planned;
        MaxRequests = maxRequests;
    }

    public int Planned { get; }

    public int MaxRequests { get; }
}
