namespace DkCloud.Emulator.Protocol;

/// <summary>A made-up but stable <c>customerTelCity</c> for a number.</summary>
internal static class CityLookup
{
    private static readonly string[] Cities =
    [
        "北京|北京", "上海|上海", "广东|广州", "广东|深圳", "浙江|杭州", "江苏|南京",
        "四川|成都", "湖北|武汉", "山西|长治", "山东|济南", "河南|郑州", "陕西|西安",
    ];

    public static string For(string number)
    {
        if (number.StartsWith("010", System.StringComparison.Ordinal))
        {
            return Cities[0];
        }

        if (number.StartsWith("021", System.StringComparison.Ordinal))
        {
            return Cities[1];
        }

        var sum = 0;
        for (var i = 0; i < number.Length && i < 7; i++)
        {
            sum = (sum * 31) + number[i];
        }

        return Cities[(sum & 0x7fffffff) % Cities.Length];
    }
}
