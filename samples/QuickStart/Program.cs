using System;
using System.Linq;
using ClovaCodegen.Spec;
using ClovaCodegen.Spec.Model;

// Until the runtime lands, the quick start shows what the toolkit knows: the embedded field-compatibility spec.
var result = SpecReader.ReadDefault();
foreach (var diagnostic in result.Diagnostics)
{
    Console.Error.WriteLine(diagnostic);
}

if (result.Spec is not { } spec)
{
    return 1;
}

Console.WriteLine($"ClovaCodegen spec v{spec.SpecVersion}: {spec.Title}");
Console.WriteLine();
Console.WriteLine("Base URLs:");
foreach (var baseUrl in spec.BaseUrls)
{
    Console.WriteLine($"  {baseUrl.Cloud,-8} {baseUrl.Url}{(baseUrl.Verified ? "" : "  (unverified)")}");
}

Console.WriteLine();
Console.WriteLine("Endpoints:");
foreach (var endpoint in spec.Endpoints)
{
    int Count(FieldStatus status) => endpoint.Fields.Count(f => f.Status == status);
    Console.WriteLine(
        $"  {endpoint.Method,-4} {endpoint.Path,-18} {endpoint.Id,-17} supported {Count(FieldStatus.Supported),2}, unsupported {Count(FieldStatus.Unsupported),2}, " +
        $"CLOVA-only {Count(FieldStatus.ClovaOnly),2}, undocumented {Count(FieldStatus.Undocumented),2}; models: {string.Join(", ", endpoint.Models.Select(m => m.Name))}");
}

return 0;
