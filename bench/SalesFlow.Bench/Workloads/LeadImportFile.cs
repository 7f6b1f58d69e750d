using System.Globalization;
using System.Text;
using SalesFlow.Bench.Data;
using SalesFlow.Core.Demo;
using SalesFlow.Core.Imports;
using SalesFlow.Core.Leads;

namespace SalesFlow.Bench.Workloads;

/// <summary>Why a planted bad row must be refused, as the import reports it.</summary>
internal enum BadLead
{
    None,
    ExistingLeadMobile,
    ExistingContactMobile,
    DuplicateInFile,
    NoPhoneOrEmail,
    UnknownRegion,
}

/// <summary>One row of the lead-import file, as written (a valid row's values are what the product must store).</summary>
internal sealed record ImportedLead(int Index, string Name, string Company, string? Mobile, string? Email, LeadSource Source, string Region, string? Needs, BadLead Bad)
{
    public int Line => Index + 2;
}

/// <summary>
/// The deterministic lead file of W1: row i has company <c>BenchNames.Company(ImportNameStart + i)</c> and mobile
/// <c>BenchNames.Mobile('8', i)</c>, so no valid row collides with generated data. Every <see cref="BadEvery"/>-th row
/// is bad in one of five ways, in turn (0.5 % of the file at S and above), so validation and dedupe do real work.
/// </summary>
internal sealed class LeadImportFile(Scale scale)
{
    public static readonly string[] RegionNames = [.. DemoCompanySeeder.Regions.Select(r => r.Name)];

    private const string UnknownRegion = "火星大区";

    /// <summary>At tiny scale a few hundred rows (every bad kind twice); else the scale's lead count.</summary>
    public int Count { get; } = scale == Scale.Tiny ? 400 : scale.Leads;

    public int BadEvery => Count < 20_000 ? Math.Max(Count / 10, 1) : 200;

    public IEnumerable<ImportedLead> Rows()
    {
        var random = new Random(7201);
        var names = new DemoNames(seed: 7202, unique: false);
        var start = BenchRecords.ImportNameStart(scale);
        for (var i = 0; i < Count; i++)
        {
            var name = names.Next();
            var source = (LeadSource)random.Next(0, 8);
            var region = RegionNames[random.Next(RegionNames.Length)];
            var email = random.Next(3) == 0 ? BenchNames.Email("i", i) : null;
            var needs = random.Next(4) == 0 ? "询价：需要报价单和样品" : null;
            var bad = i % BadEvery == BadEvery - 1 ? (BadLead)((i / BadEvery % 5) + 1) : BadLead.None;
            string? mobile = bad switch
            {
                BadLead.ExistingLeadMobile => BenchNames.Mobile('5', i % scale.Leads),
                BadLead.ExistingContactMobile => BenchNames.Mobile('3', i % scale.Contacts),
                BadLead.DuplicateInFile => BenchNames.Mobile('8', i - 1),
                BadLead.NoPhoneOrEmail => null,
                _ => BenchNames.Mobile('8', i),
            };
            yield return new ImportedLead(
                i, name, BenchNames.Company(start + i), mobile, bad == BadLead.NoPhoneOrEmail ? null : email, source,
                bad == BadLead.UnknownRegion ? UnknownRegion : region, needs, bad);
        }
    }

    /// <summary>The error code each bad kind is reported with (one per bad row).</summary>
    public static string CodeOf(BadLead bad) => bad switch
    {
        BadLead.ExistingLeadMobile or BadLead.ExistingContactMobile => "lead.duplicate",
        BadLead.DuplicateInFile => "import.duplicateInFile",
        BadLead.NoPhoneOrEmail => "lead.needsContactWay",
        BadLead.UnknownRegion => "field.notFound",
        _ => throw new ArgumentOutOfRangeException(nameof(bad)),
    };

    /// <summary>The row index whose mobile this is, if it is one of the file's own series-'8' mobiles (the inverse of <see cref="BenchNames.Mobile"/>).</summary>
    public static int IndexOfMobile(string mobile) =>
        (int)(long.Parse(mobile.AsSpan(2), CultureInfo.InvariantCulture) * InverseOfStride % Modulus);

    private const long Modulus = 1_000_000_000;

    // 7,919 × InverseOfStride ≡ 1 (mod 10⁹): Mobile(series, i) = "1" + series + (i × 7,919 mod 10⁹).
    private static readonly long InverseOfStride = Inverse(7_919, Modulus);

    private static long Inverse(long a, long m)
    {
        var (oldR, r) = (a, m);
        var (oldS, s) = (1L, 0L);
        while (r != 0)
        {
            var q = oldR / r;
            (oldR, r) = (r, oldR - (q * r));
            (oldS, s) = (s, oldS - (q * s));
        }

        return ((oldS % m) + m) % m;
    }

    /// <summary>Writes the file in the import template's columns (headers as the template writes them).</summary>
    public async Task WriteAsync(string path, CancellationToken ct)
    {
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        await writer.WriteLineAsync(string.Join(',', ImportColumns.Leads.Select(c => c.TemplateHeader)));
        var line = new StringBuilder();
        foreach (var row in Rows())
        {
            line.Clear().Append(row.Name).Append(',').Append(row.Company).Append(',').Append(row.Mobile).Append(',').Append(row.Email).Append(',')
                .Append(row.Source.ToString()).Append(',').Append(row.Region).Append(',').Append(row.Needs);
            await writer.WriteLineAsync(line, ct);
        }
    }
}
