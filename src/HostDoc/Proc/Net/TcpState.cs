namespace HostDoc.Proc.Net;

/// <summary>The kernel's TCP states (include/net/tcp_states.h), as the <c>st</c> column of /proc/net/tcp prints them.</summary>
public enum TcpState
{
    /// <summary>Not a state the kernel prints (a damaged line).</summary>
    Unknown = 0,

    /// <summary>ESTABLISHED.</summary>
    Established = 1,

    /// <summary>SYN-SENT.</summary>
    SynSent = 2,

    /// <summary>SYN-RECV.</summary>
    SynRecv = 3,

    /// <summary>FIN-WAIT-1.</summary>
    FinWait1 = 4,

    /// <summary>FIN-WAIT-2.</summary>
    FinWait2 = 5,

    /// <summary>TIME-WAIT.</summary>
    TimeWait = 6,

    /// <summary>CLOSE.</summary>
    Close = 7,

    /// <summary>CLOSE-WAIT.</summary>
    CloseWait = 8,

    /// <summary>LAST-ACK.</summary>
    LastAck = 9,

    /// <summary>LISTEN.</summary>
    Listen = 10,

    /// <summary>CLOSING.</summary>
    Closing = 11,

    /// <summary>NEW-SYN-RECV (a request socket).</summary>
    NewSynRecv = 12,
}
