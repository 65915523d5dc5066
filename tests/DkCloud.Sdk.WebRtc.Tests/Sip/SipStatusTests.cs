using System;
using DkCloud.Sdk.WebRtc.Sip;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Sip;

// The core package has a SipStatus of its own (for call events); these tests are about the SIP stack's.
using SipStatus = DkCloud.Sdk.WebRtc.Sip.SipStatus;

public class SipStatusTests
{
    [Theory]
    [InlineData(100, "Trying", "正在尝试处理请求")]
    [InlineData(183, "Session Progress", "会话正在进行中")]
    [InlineData(202, "Accepted", "请求已被接受,但尚未处理")]
    [InlineData(302, "Moved Temporarily", "请求的资源已临时移动")]
    [InlineData(404, "Not Found", "用户不存在")]
    [InlineData(481, "Call/Transaction Does Not Exist", "呼叫/事务不存在")]
    [InlineData(486, "Busy Here", "用户忙")]
    [InlineData(487, "Request Terminated", "请求被终止")]
    [InlineData(504, "Server Time-out", "服务器超时")]
    [InlineData(513, "Message Too Large", "消息体过大")]
    [InlineData(603, "Decline", "拒绝")]
    [InlineData(606, "Not Acceptable", "不可接受")]
    public void Vendor_table_codes(int code, string phrase, string meaning)
    {
        SipStatusInfo info = SipStatus.Get(code);
        Assert.True(info.IsListed);
        Assert.Equal(phrase, info.ReasonPhrase);
        Assert.Equal(meaning, info.ChineseMeaning);
        Assert.Equal((SipStatusClass)(code / 100), info.Class);
    }

    [Fact]
    public void Table_has_every_code_of_section_7_5_7_once_in_order()
    {
        Assert.Equal(49, SipStatus.Known.Count);
        for (int i = 1; i < SipStatus.Known.Count; i++)
        {
            Assert.True(SipStatus.Known[i - 1].Code < SipStatus.Known[i].Code);
        }
    }

    [Theory]
    [InlineData(199, SipStatusClass.Provisional, "信息性响应")]
    [InlineData(299, SipStatusClass.Success, "成功响应")]
    [InlineData(399, SipStatusClass.Redirection, "重定向响应")]
    [InlineData(422, SipStatusClass.ClientError, "请求错误")]
    [InlineData(580, SipStatusClass.ServerError, "服务器错误")]
    [InlineData(699, SipStatusClass.GlobalFailure, "全局失败响应")]
    public void Unlisted_codes_fall_back_to_their_class(int code, SipStatusClass statusClass, string meaning)
    {
        SipStatusInfo info = SipStatus.Get(code);
        Assert.False(info.IsListed);
        Assert.Equal(statusClass, info.Class);
        Assert.Equal(meaning, info.ChineseMeaning);
        Assert.Equal(code, info.Code);
    }

    [Theory]
    [InlineData(99)]
    [InlineData(700)]
    public void Out_of_range_codes_throw(int code)
        => Assert.Throws<ArgumentOutOfRangeException>(() => SipStatus.Get(code));

    [Fact]
    public void Text_form()
    {
        Assert.Equal("486 Busy Here (用户忙)", SipStatus.Get(486).ToString());
        Assert.True(SipStatus.Get(200).IsSuccess);
        Assert.True(SipStatus.Get(603).IsFailure);
        Assert.False(SipStatus.Get(180).IsFailure);
    }
}
