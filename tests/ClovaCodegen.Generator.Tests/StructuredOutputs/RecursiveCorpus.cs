using System.Collections.Generic;
using System.ComponentModel;

namespace ClovaCodegen.Generator.Tests.StructuredOutputs;

// Types that contain themselves: the root through a list (referenced as "#"), and a type below the root through a
// nullable property and a list (written once under $defs). The generator ran on these; RecursiveStructuredOutputTests reads them.

[ClovaStructuredOutput]
[Description("A category tree.")]
public sealed record TreeNode([Description("The category")] string Name, List<TreeNode> Children);

[ClovaStructuredOutput]
public sealed record OrgChart(string Company, Employee Ceo);

public sealed record Employee(string Name, [Description("Who this person reports to")] Employee? Manager, IReadOnlyList<Employee> Reports);
