metadata description = 'The user-assigned managed identity the bot runs as: its Bot Framework app id and its storage principal.'

@description('Azure region of the identity.')
param location string

@description('Name of the identity.')
param name string

@description('Tags applied to the identity.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

@description('Resource id of the identity.')
output id string = identity.id

@description('Client id of the identity; it is also the bot\'s Microsoft App ID.')
output clientId string = identity.properties.clientId

@description('Object id of the identity\'s service principal, for role assignments.')
output principalId string = identity.properties.principalId

@description('Tenant of the identity.')
output tenantId string = identity.properties.tenantId
