namespace HostDoc.Tasks;

/// <summary>What a task in uninterruptible sleep is waiting for, in an operator's words, with what to do about it.</summary>
/// <param name="Id">Stable short id: journal, writeback, dirty-throttle, block-request, block-io, inode-lock, lock, nfs, cifs, fuse, page-fault, unknown.</param>
/// <param name="Title">One line: what the wait is.</param>
/// <param name="Explanation">How the kernel gets there.</param>
/// <param name="Advice">What to look at next.</param>
public sealed record WaitClass(string Id, string Title, string Explanation, string Advice);
