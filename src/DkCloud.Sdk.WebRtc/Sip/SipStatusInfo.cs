using System.Globalization;

namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>A SIP status code with its English reason phrase and Chinese meaning.</summary>
public sealed class SipStatusInfo
{
    /// <summary>Creates a description.</summary>
    /// <param name="code">The status code.</param>
    /// <param name="reasonPhrase">The English reason phrase.</param>
    /// <param name="chineseMeaning">The meaning in Chinese, as the DK-Cloud manual gives it.</param>
    /// <param name="isListed">True when the code is in the vendor table.</param>
    public SipStatusInfo(int code, string reasonPhrase, string chineseMeaning, bool isListed = true)
    {
        Code = code;
        ReasonPhrase = reasonPhrase;
        ChineseMeaning = chineseMeaning;
        IsListed = isListed;
    }

    /// <summary>The status code.</summary>
    public int Code { get; }

    /// <summary>The English reason phrase (RFC 3261 §21), or the class name for unlisted codes.</summary>
    public string ReasonPhrase { get; }

    /// <summary>The Chinese meaning from the DK-Cloud manual (section 7.5.7), or the class heading for unlisted codes.</summary>
    public string ChineseMeaning { get; }

    /// <summary>True when the code is in the vendor table; false when only its class is known.</summary>
    public bool IsListed { get; }

    /// <summary>The class of the code.</summary>
    public SipStatusClass Class => SipStatus.GetClass(Code);

    /// <summary>True for 2xx.</summary>
    public bool IsSuccess => Class == SipStatusClass.Success;

    /// <summary>True for 4xx, 5xx and 6xx.</summary>
    public bool IsFailure => Code >= 400;

    /// <summary>For example <c>486 Busy Here (用户忙)</c>.</summary>
    public override string ToString()
        => Code.ToString(CultureInfo.InvariantCulture) + " " + ReasonPhrase + " (" + ChineseMeaning + ")";
}
