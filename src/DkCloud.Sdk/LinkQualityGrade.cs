namespace DkCloud.Sdk;

/// <summary>Grades a round-trip time by the document's table (7.2.5).</summary>
public static class LinkQualityGrade
{
    /// <summary>The grade of a delay in milliseconds.</summary>
    public static LinkQuality FromDelay(int delayMilliseconds) => delayMilliseconds switch
    {
        < 40 => LinkQuality.Excellent,
        < 60 => LinkQuality.Good,
        < 80 => LinkQuality.Fair,
        _ => LinkQuality.Poor,
    };

    /// <summary>The grade's Chinese name as the document prints it.</summary>
    public static string ToChinese(LinkQuality quality) => quality switch
    {
        LinkQuality.Excellent => "优",
        LinkQuality.Good => "良好",
        LinkQuality.Fair => "一般",
        _ => "较差",
    };
}
