metadata description = 'Azure Bot registration that authenticates as the user-assigned managed identity, with the Microsoft Teams channel.'

@description('Name (handle) of the bot resource; unique across Azure Bot Service.')
param name string

@description('Display name of the bot.')
param displayName string

@description('Azure Bot pricing tier. F0 is free; Teams is a standard channel and is not metered.')
@allowed([
  'F0'
  'S1'
])
param skuName string

@description('Host name of the web app that serves /api/messages.')
param messagingHost string

@description('Resource id of the user-assigned managed identity.')
param identityId string

@description('Client id of the user-assigned managed identity.')
param identityClientId string

@description('Tenant of the managed identity.')
param identityTenantId string

@description('Tags applied to the bot.')
param tags object

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  // Bot registrations are global resources.
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: skuName
  }
  properties: {
    displayName: displayName
    endpoint: 'https://${messagingHost}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identityClientId
    msaAppTenantId: identityTenantId
    msaAppMSIResourceId: identityId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

@description('Name of the bot resource.')
output name string = bot.name
