namespace TeamsEngage.Testing.Connector;

/// <summary>The connector operations <see cref="ConnectorStub"/> implements.</summary>
public enum ConnectorRoute
{
    /// <summary>A path the stub does not know; answered 404.</summary>
    Unknown,
    /// <summary><c>POST v3/conversations/{id}/activities</c>.</summary>
    Send,
    /// <summary><c>POST v3/conversations/{id}/activities/{activityId}</c>.</summary>
    Reply,
    /// <summary><c>PUT v3/conversations/{id}/activities/{activityId}</c>.</summary>
    Update,
    /// <summary><c>DELETE v3/conversations/{id}/activities/{activityId}</c>.</summary>
    Delete,
    /// <summary><c>POST v3/conversations</c>.</summary>
    CreateConversation,
    /// <summary><c>GET v3/conversations/{id}/members/{memberId}</c>.</summary>
    GetMember,
    /// <summary><c>GET v3/conversations/{id}/pagedmembers</c>.</summary>
    GetPagedMembers,
    /// <summary><c>GET</c> of a file the stub serves (<see cref="ConnectorStub.ServeFile"/>), as a OneDrive download link would.</summary>
    File,
}
