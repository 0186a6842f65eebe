metadata description = 'Storage account for the Azure Table store, reachable only with Microsoft Entra ID, and the identity\'s data role on it.'

@description('Azure region of the storage account.')
param location string

@description('Globally unique storage account name: 3 to 24 lower-case letters and digits.')
@maxLength(24)
param name string

@description('Replication of the storage account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_RAGRS'
])
param skuName string

@description('Principal id of the managed identity that reads and writes the tables.')
param principalId string

@description('Name of that managed identity; known before deployment, so the role assignment keeps a stable name.')
param principalName string

@description('Tags applied to the storage account.')
param tags object

// Built-in role "Storage Table Data Contributor".
var tableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

// The table service exists with every StorageV2 account; declaring it keeps its settings under this template.
resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource tableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, principalName, tableDataContributorRoleId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', tableDataContributorRoleId)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

@description('Table service endpoint, for example https://<account>.table.core.windows.net/.')
output tableEndpoint string = storage.properties.primaryEndpoints.table
